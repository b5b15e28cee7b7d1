using System.Globalization;
using FsCheck;
using Microsoft.FSharp.Core;

namespace DominantColors.Testing.Fuzzing;

/// <summary>
/// Runs an FsCheck property a bounded number of times on a fixed seed, so CI sees the same inputs on every run and a
/// failure can be replayed. <c>FUZZ_RUNS=N</c> runs each property N times instead, and <c>FUZZ_SEED=random</c> (or a
/// number) explores other inputs; a failure prints the "(seed,gamma)" pair that replays it as <c>FUZZ_SEED=seed,gamma</c>.
/// </summary>
internal static class FuzzRun
{
    private const ulong DefaultSeed = 0x5EED_0F_C010_2026;

    public static void Check(Property property, int runs)
    {
        ArgumentNullException.ThrowIfNull(property);
        var config = Config.QuickThrowOnFailure
            .WithQuietOnSuccess(true)
            .WithMaxTest(int.TryParse(Environment.GetEnvironmentVariable("FUZZ_RUNS"), CultureInfo.InvariantCulture, out var wanted) && wanted > 0 ? wanted : runs);
        var seed = Environment.GetEnvironmentVariable("FUZZ_SEED");
        if (!string.Equals(seed, "random", StringComparison.OrdinalIgnoreCase))
        {
            // "SEED,GAMMA" as FsCheck prints it after a failure, or one number.
            var parts = (seed ?? string.Empty).Split(',', StringSplitOptions.TrimEntries);
            var rnd = parts.Length == 2 && ulong.TryParse(parts[0], CultureInfo.InvariantCulture, out var s) && ulong.TryParse(parts[1], CultureInfo.InvariantCulture, out var g)
                ? new Rnd(s, g)
                : new Rnd(ulong.TryParse(seed, CultureInfo.InvariantCulture, out var given) ? given : DefaultSeed);
            config = config.WithReplay(FSharpOption<Replay>.Some(new Replay(rnd, FSharpOption<int>.None)));
        }

        property.Check(config);
    }
}
