using System.Globalization;
using FsCheck;
using Microsoft.FSharp.Core;

namespace DominantColors.Fuzzing;

/// <summary>
/// Runs an FsCheck property a bounded number of times on a fixed seed, so CI sees the same inputs on every run and a
/// failure can be replayed. <c>FUZZ_RUNS=N</c> runs each property N times instead, and <c>FUZZ_SEED=random</c> (or a
/// number) explores other inputs; a failure prints the seed that replays it.
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
            var value = ulong.TryParse(seed, CultureInfo.InvariantCulture, out var given) ? given : DefaultSeed;
            config = config.WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(value), FSharpOption<int>.None)));
        }

        property.Check(config);
    }
}
