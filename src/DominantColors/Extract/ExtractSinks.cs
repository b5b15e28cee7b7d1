using System.Globalization;
using DominantColors.Sources.Decoders;

namespace DominantColors.Extract;

/// <summary>
/// Everywhere one <c>extract</c> sends the inputs it read, in input order: stdout in the chosen format, and when asked
/// the <c>--output</c> log, the <c>--html</c> contact sheet and the <c>--barcode</c> PNGs of videos. A file that cannot
/// be written throws <see cref="IOException"/> with a message naming it.
/// </summary>
internal sealed class ExtractSinks : IDisposable
{
    private readonly ResultWriter _writer;
    private readonly ResultLog? _log;
    private readonly ContactSheetWriter? _sheet;
    private readonly string? _barcode;
    private readonly bool _oneVideo;
    private readonly ExtractSettings _settings;

    public ExtractSinks(ExtractSettings settings, ResultWriter writer, ResultLog? log, IReadOnlyList<InputFile> inputs)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(inputs);
        _settings = settings;
        _writer = writer;
        _log = log;
        _barcode = settings.Barcode;
        _oneVideo = inputs.Count(i => IsVideo(i.FullPath)) == 1;
        _sheet = settings.Html is { } html ? Guard(html, () => ContactSheetWriter.Create(html)) : null;
    }

    public static bool IsVideo(string path) => VideoFileDecoder.Extensions.Contains(Path.GetExtension(path));

    public void Begin() => _writer.Begin();

    public void Write(InputOutcome outcome, InputStamp? stamp)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        _writer.Write(outcome);
        if (_log is not null && stamp is { } s)
        {
            Guard(_settings.Output!, () => _log.Append(outcome, s));
        }

        if (_sheet is not null)
        {
            Guard(_settings.Html!, () => _sheet.Write(outcome));
        }

        if (_barcode is not null && outcome.IsSequence && MovieBarcode.Png(outcome.Palettes) is { } png)
        {
            var path = BarcodePath(_barcode, outcome.File, _oneVideo);
            Guard(path, () => File.WriteAllBytes(path, png));
        }
    }

    public void End(int leftOut)
    {
        _writer.End();
        if (_sheet is not null)
        {
            Guard(_settings.Html!, () => _sheet.Finish(leftOut));
        }
    }

    public void Dispose() => _sheet?.Dispose();

    /// <summary>
    /// Where the barcode of <paramref name="video"/> goes: <paramref name="barcode"/> itself when the run has one video,
    /// otherwise that name with the video's name before the extension (<c>bars.png</c>: <c>bars-trailer.png</c>).
    /// </summary>
    internal static string BarcodePath(string barcode, string video, bool oneVideo)
    {
        if (oneVideo)
        {
            return barcode;
        }

        var folder = Path.GetDirectoryName(barcode) ?? string.Empty;
        var name = string.Create(
            CultureInfo.InvariantCulture,
            $"{Path.GetFileNameWithoutExtension(barcode)}-{Path.GetFileNameWithoutExtension(video)}{Path.GetExtension(barcode)}");
        return Path.Combine(folder, name);
    }

    private static T Guard<T>(string path, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"{path}: cannot write: {ex.Message}", ex);
        }
    }

    private static void Guard(string path, Action action) => Guard(path, () =>
    {
        action();
        return 0;
    });
}
