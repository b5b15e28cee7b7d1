using DominantColors.Colors;
using DominantColors.Frames;
using DominantColors.Palettes;
using DominantColors.Web.Preview;

namespace DominantColors.Pipeline;

/// <summary>The web preview's view of <see cref="LightPipeline"/>: a snapshot of a frame, its zones and the lights.</summary>
internal sealed partial class LightPipeline
{
    private const int PreviewColors = PreviewSnapshot.MaxColorsPerZone;

    private readonly Rgb24[] _previewColors = new Rgb24[PreviewColors];
    private readonly float[] _previewWeights = new float[PreviewColors];
    private PreviewExchange? _preview;
    private PreviewSnapshot _previewBuffer = new();
    private ZoneLayout? _namedLayout;
    private string[] _zoneNames = [];

    /// <summary>Where snapshots for the web page go; null when the web preview is off.</summary>
    public PreviewExchange? Preview
    {
        get => Volatile.Read(ref _preview);
        init => _preview = value;
    }

    /// <summary>
    /// Tells the preview that a frame went through and, at the preview's modest rate only, copies the frame, its crop,
    /// the zones' palettes and the lights' published colors into the reused back buffer and swaps it in. Allocates
    /// nothing per frame (zone names are built once per configuration).
    /// </summary>
    private void CapturePreview(Frame frame, long now)
    {
        var preview = Preview;
        if (preview is null || !preview.FrameAnalysed(frame.Timestamp == 0 ? now : frame.Timestamp))
        {
            return;
        }

        var snapshot = _previewBuffer;
        snapshot.SetFrame(frame.Pixels, frame.Width, frame.Height, frame.Sequence, frame.Timestamp == 0 ? now : frame.Timestamp);
        var crop = _settings.Analysis.Borders ? Crop : PixelRect.Whole(frame.Width, frame.Height);
        snapshot.Crop = Normalized(crop, frame);

        var names = ZoneNames();
        snapshot.SetZoneCount(_layout.Zones.Count);
        for (var z = 0; z < _layout.Zones.Count && z < PreviewSnapshot.MaxZones; z++)
        {
            var count = CopyPalette(_palettes[z]);
            var zone = Normalized(_layout.Zones[z].Apply(crop), frame);
            snapshot.SetZone(z, names[z], zone, _previewColors.AsSpan(0, count), _previewWeights.AsSpan(0, count));
        }

        // What the outputs got last: after calibration, smoothing, TV-off fade and the output delay.
        var published = _delay.Delay > TimeSpan.Zero ? _delayed : _colors;
        var lights = _settings.Lights;
        snapshot.SetLightCount(lights.Count);
        for (var i = 0; i < lights.Count; i++)
        {
            snapshot.SetLight(i, lights[i].Name, published[i]);
        }

        _previewBuffer = preview.Publish(snapshot);
    }

    private static NormalizedRect Normalized(PixelRect rect, Frame frame) =>
        NormalizedRect.FromPixels(rect.X, rect.Y, rect.Width, rect.Height, frame.Width, frame.Height);

    private int CopyPalette(Palette palette)
    {
        var entries = palette.Entries;
        var count = Math.Min(entries.Length, PreviewColors);
        for (var c = 0; c < count; c++)
        {
            _previewColors[c] = entries[c].Color;
            _previewWeights[c] = entries[c].Weight;
        }

        return count;
    }

    /// <summary>Each zone is named after the lights that follow it, e.g. <c>left-lamp, shelf</c>.</summary>
    private string[] ZoneNames()
    {
        if (!ReferenceEquals(_namedLayout, _layout))
        {
            _zoneNames = NameZones(_layout, _settings.Lights);
            _namedLayout = _layout;
        }

        return _zoneNames;
    }

    /// <summary>Once per configuration; a method of its own so its closures are never allocated on the per-frame path.</summary>
    private static string[] NameZones(ZoneLayout layout, IReadOnlyList<Lights.LightDefinition> lights) =>
        [.. layout.Zones.Select((_, z) => string.Join(", ", lights.Where((_, i) => layout.LightZone[i] == z).Select(l => l.Name)))];
}
