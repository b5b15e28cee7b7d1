using DominantColors.Colors;
using DominantColors.Regions;

namespace DominantColors.Web.Preview;

/// <summary>
/// What the preview page shows of one analysed frame: a thumbnail of the analysis frame, the black-border crop,
/// each zone's palette and each light's final color. Every buffer is allocated once, at its largest size, so filling
/// a snapshot in the pipeline loop and copying it for a reader allocate nothing.
/// </summary>
internal sealed class PreviewSnapshot
{
    public const int MaxThumbnailWidth = 160;
    public const int MaxThumbnailHeight = 120;
    public const int MaxZones = 16;
    public const int MaxColorsPerZone = 16;
    public const int MaxLights = 64;

    private readonly byte[] _pixels = new byte[MaxThumbnailWidth * MaxThumbnailHeight * 3];
    private readonly PreviewZone[] _zones = CreateZones();
    private readonly string[] _lightNames = new string[MaxLights];
    private readonly Rgb24[] _lightColors = new Rgb24[MaxLights];

    /// <summary>The analysed frame's sequence number within its source.</summary>
    public long Sequence { get; private set; }

    /// <summary>When the frame was read, in <see cref="TimeProvider.GetTimestamp"/> ticks.</summary>
    public long Timestamp { get; private set; }

    public int ThumbnailWidth { get; private set; }

    public int ThumbnailHeight { get; private set; }

    /// <summary>RGB24 rows of the thumbnail, <see cref="ThumbnailWidth"/> * 3 bytes each.</summary>
    public ReadOnlyMemory<byte> Thumbnail => _pixels.AsMemory(0, ThumbnailWidth * ThumbnailHeight * 3);

    /// <summary>The picture left once black borders are cut away; <see cref="NormalizedRect.Whole"/> without borders.</summary>
    public NormalizedRect Crop { get; set; } = NormalizedRect.Whole;

    public int ZoneCount { get; private set; }

    public int LightCount { get; private set; }

    public PreviewZone Zone(int index) => _zones[CheckIndex(index, ZoneCount)];

    public string LightName(int index) => _lightNames[CheckIndex(index, LightCount)];

    public Rgb24 LightColor(int index) => _lightColors[CheckIndex(index, LightCount)];

    /// <summary>
    /// Takes a thumbnail of an RGB24 frame: averaged down by a whole factor until it fits
    /// <see cref="MaxThumbnailWidth"/> x <see cref="MaxThumbnailHeight"/>. Allocates nothing.
    /// </summary>
    public void SetFrame(ReadOnlySpan<byte> rgb, int width, int height, long sequence, long timestamp)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        ArgumentOutOfRangeException.ThrowIfNegative(height);
        if (rgb.Length < width * height * 3)
        {
            throw new ArgumentException($"A {width}x{height} RGB24 frame needs {width * height * 3} bytes, got {rgb.Length}.", nameof(rgb));
        }

        Sequence = sequence;
        Timestamp = timestamp;
        var step = Math.Max(1, Math.Max(DivideUp(width, MaxThumbnailWidth), DivideUp(height, MaxThumbnailHeight)));
        ThumbnailWidth = width / step;
        ThumbnailHeight = height / step;
        if (step == 1)
        {
            rgb[..(width * height * 3)].CopyTo(_pixels);
            return;
        }

        // Box average of step x step blocks; runs at preview rate only, never per analysed frame.
        var area = step * step;
        var stride = width * 3;
        for (var ty = 0; ty < ThumbnailHeight; ty++)
        {
            for (var tx = 0; tx < ThumbnailWidth; tx++)
            {
                int r = 0, g = 0, b = 0;
                for (var y = ty * step; y < (ty + 1) * step; y++)
                {
                    var row = rgb.Slice((y * stride) + (tx * step * 3), step * 3);
                    for (var i = 0; i < row.Length; i += 3)
                    {
                        r += row[i];
                        g += row[i + 1];
                        b += row[i + 2];
                    }
                }

                var o = ((ty * ThumbnailWidth) + tx) * 3;
                _pixels[o] = (byte)(r / area);
                _pixels[o + 1] = (byte)(g / area);
                _pixels[o + 2] = (byte)(b / area);
            }
        }
    }

    /// <summary>Sets how many zones the snapshot holds; fill each with <see cref="SetZone"/>.</summary>
    public void SetZoneCount(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ZoneCount = Math.Min(count, MaxZones);
    }

    /// <summary>One zone's rectangle and palette (colors with their weight shares, heaviest first).</summary>
    public void SetZone(int index, string name, NormalizedRect area, ReadOnlySpan<Rgb24> colors, ReadOnlySpan<float> weights)
    {
        if ((uint)index < (uint)ZoneCount)
        {
            _zones[index].Set(name, area, colors, weights);
        }
    }

    /// <summary>Sets how many lights the snapshot holds; fill each with <see cref="SetLight"/>.</summary>
    public void SetLightCount(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        LightCount = Math.Min(count, MaxLights);
    }

    /// <summary>A light's color as it goes to the outputs: after calibration, smoothing and delay.</summary>
    public void SetLight(int index, string name, Rgb24 color)
    {
        if ((uint)index < (uint)LightCount)
        {
            _lightNames[index] = name;
            _lightColors[index] = color;
        }
    }

    /// <summary>Copies everything into <paramref name="destination"/>, whose buffers are as large as these.</summary>
    public void CopyTo(PreviewSnapshot destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        destination.Sequence = Sequence;
        destination.Timestamp = Timestamp;
        destination.ThumbnailWidth = ThumbnailWidth;
        destination.ThumbnailHeight = ThumbnailHeight;
        Thumbnail.CopyTo(destination._pixels);
        destination.Crop = Crop;
        destination.ZoneCount = ZoneCount;
        for (var i = 0; i < ZoneCount; i++)
        {
            _zones[i].CopyTo(destination._zones[i]);
        }

        destination.LightCount = LightCount;
        _lightNames.AsSpan(0, LightCount).CopyTo(destination._lightNames);
        _lightColors.AsSpan(0, LightCount).CopyTo(destination._lightColors);
    }

    private static int DivideUp(int value, int divisor) => (value + divisor - 1) / divisor;

    private static int CheckIndex(int index, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
        return index;
    }

    private static PreviewZone[] CreateZones()
    {
        var zones = new PreviewZone[MaxZones];
        for (var i = 0; i < zones.Length; i++)
        {
            zones[i] = new PreviewZone();
        }

        return zones;
    }
}
