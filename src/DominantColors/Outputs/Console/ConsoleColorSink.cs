using System.Text;
using DominantColors.Colors;

namespace DominantColors.Outputs.Console;

/// <summary>
/// Prints the lights' colors, one line per change and at most <c>rate</c> lines per second: a true-color swatch and
/// the hex value of each light on a terminal, or <c>name=#rrggbb</c> pairs otherwise (logs, pipes, tests).
/// </summary>
internal sealed class ConsoleColorSink : IColorSink
{
    private readonly TextWriter _writer;
    private readonly bool _swatches;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _time;
    private readonly StringBuilder _line = new();

    public ConsoleColorSink(IReadOnlyList<string> lights, TextWriter writer, bool swatches, double rate, TimeProvider timeProvider)
    {
        Lights = lights;
        _writer = writer;
        _swatches = swatches;
        _interval = TimeSpan.FromSeconds(1 / rate);
        _time = timeProvider;
    }

    public string Name => "console";

    public IReadOnlyList<string> Lights { get; }

    public SinkStatus Status { get; } = new();

    public async Task RunAsync(LightFeed feed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feed);
        Status.ReportConnected();
        var colors = new Rgb24[Lights.Count];
        var printed = new Rgb24[Lights.Count];
        var seen = 0L;
        var hasPrinted = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            await feed.WaitForNewerAsync(seen, cancellationToken).ConfigureAwait(false);
            seen = feed.CopyLatest(colors, out _);
            if (hasPrinted && colors.AsSpan().SequenceEqual(printed))
            {
                continue;
            }

            colors.CopyTo(printed, 0);
            hasPrinted = true;
            await _writer.WriteLineAsync(Format(colors)).ConfigureAwait(false);
            await _writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            Status.ReportSent();
            await Task.Delay(_interval, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task RestoreAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private string Format(ReadOnlySpan<Rgb24> colors)
    {
        _line.Clear();
        for (var i = 0; i < colors.Length; i++)
        {
            var c = colors[i];
            if (i > 0)
            {
                _line.Append(' ');
            }

            if (_swatches)
            {
                _line.Append(System.Globalization.CultureInfo.InvariantCulture, $"\u001b[48;2;{c.R};{c.G};{c.B}m    \u001b[0m {Lights[i]} {c.ToHex()}");
            }
            else
            {
                _line.Append(Lights[i]).Append('=').Append(c.ToHex());
            }
        }

        return _line.ToString();
    }
}
