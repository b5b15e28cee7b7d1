using DominantColors.Frames;

namespace DominantColors.Regions;

/// <summary>
/// Finds the picture inside black bars (letterbox, pillarbox or both) of an RGB24 frame, and keeps that crop
/// stable: a different crop is taken only after it was seen for <see cref="BorderDetectorSettings.HoldTime"/>
/// and <see cref="BorderDetectorSettings.HoldFrames"/> frames in a row, so a dark scene or a cut does not
/// make the zones jump. All-dark frames, and frames whose "bars" would be implausibly wide, keep the crop.
/// </summary>
/// <remarks>
/// First stage after the frame: frame -> border crop -> per-zone tracker -> pick -> calibration -> smoothing
/// -> delay -> sinks. Each edge is scanned inwards line by line: a column is bar when nearly all of it is dark;
/// a row (between the pillarbox bars) is bar when both of its ends are dark and it is not lit nearly end to end,
/// so subtitles in the middle of the bottom bar do not pull the crop into the bar.
/// Pure: a function of the frames and their timestamps. Detection allocates nothing. Not thread-safe: one
/// instance per pipeline loop, and new settings applied from that loop.
/// </remarks>
public sealed class BorderDetector
{
    private readonly long _timestampFrequency;
    private BorderDetectorSettings _settings;
    private byte _darkMax;
    private long _holdTicks;
    private int _width = -1;
    private int _height = -1;
    private PixelRect _current;
    private PixelRect _pending;
    private long _pendingSince;
    private int _pendingFrames;

    /// <param name="settings">Thresholds and hold time.</param>
    /// <param name="timestampFrequency">Ticks per second of the timestamps passed to <c>Detect</c>.</param>
    public BorderDetector(BorderDetectorSettings settings, long timestampFrequency)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(timestampFrequency);
        _timestampFrequency = timestampFrequency;
        _settings = settings;
        Update(settings);
    }

    /// <summary>The crop returned by the last <c>Detect</c>; empty before the first frame.</summary>
    public PixelRect Current => _current;

    /// <summary>Takes new settings (live reload); the current crop stays until the new rules move it.</summary>
    public void Update(BorderDetectorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        _settings = settings;
        _darkMax = (byte)Math.Round(settings.DarknessThreshold * 255f);
        _holdTicks = (long)(settings.HoldTime.TotalSeconds * _timestampFrequency);
        _pendingFrames = 0;
    }

    /// <summary>Forgets the crop: the next frame starts from the whole picture again (a new source).</summary>
    public void Reset()
    {
        _width = -1;
        _height = -1;
        _pendingFrames = 0;
    }

    /// <summary>The crop of a frame, at the frame's own timestamp.</summary>
    public PixelRect Detect(Frame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        return Detect(frame, frame.Timestamp);
    }

    /// <summary>
    /// Looks at one image and returns the crop to use for it: the whole image until bars have been seen for the
    /// hold time, then the picture inside them.
    /// </summary>
    /// <param name="image">The analysis frame.</param>
    /// <param name="timestamp">When the frame was taken, in ticks of the frequency given at construction.</param>
    public PixelRect Detect(Rgb24Image image, long timestamp)
    {
        var width = image.Width;
        var height = image.Height;
        if (width != _width || height != _height)
        {
            _width = width;
            _height = height;
            _current = PixelRect.Whole(width, height);
            _pendingFrames = 0;
        }

        if (image.IsEmpty || !TryFindPicture(image, out var seen))
        {
            // No evidence either way (all dark, or a dark half of a scene): keep what we have.
            _pendingFrames = 0;
            return _current;
        }

        if (Near(seen, _current))
        {
            _pendingFrames = 0;
        }
        else if (_pendingFrames > 0 && Near(seen, _pending))
        {
            _pendingFrames++;
            _pending = seen;
            if (_pendingFrames >= _settings.HoldFrames && timestamp - _pendingSince >= _holdTicks)
            {
                _current = seen;
                _pendingFrames = 0;
            }
        }
        else
        {
            _pending = seen;
            _pendingSince = timestamp;
            _pendingFrames = 1;
            if (_settings.HoldFrames <= 1 && _holdTicks <= 0)
            {
                _current = seen;
                _pendingFrames = 0;
            }
        }

        return _current;
    }

    private bool TryFindPicture(Rgb24Image image, out PixelRect picture)
    {
        picture = default;
        var width = image.Width;
        var height = image.Height;

        // Columns first, over the whole height: pillarbox bars are dark from top to bottom, while a column of a
        // letterboxed picture is lit for most of its height (subtitles in a bar light only a few of its pixels).
        var columnLitMax = height * _settings.ColumnLitFraction;
        var left = 0;
        while (left < width && CountLitInColumn(image, left) <= columnLitMax)
        {
            left++;
        }

        if (left == width)
        {
            return false;
        }

        var right = width;
        while (right > left && CountLitInColumn(image, right - 1) <= columnLitMax)
        {
            right--;
        }

        // Then rows, only between the pillarbox bars.
        var top = 0;
        while (top < height && IsRowBar(image.Row(top)[(left * 3)..(right * 3)]))
        {
            top++;
        }

        if (top == height)
        {
            return false;
        }

        var bottom = height;
        while (bottom > top && IsRowBar(image.Row(bottom - 1)[(left * 3)..(right * 3)]))
        {
            bottom--;
        }

        var maxRows = (int)(height * _settings.MaxBorderFraction);
        var maxColumns = (int)(width * _settings.MaxBorderFraction);
        if (top > maxRows || height - bottom > maxRows || left > maxColumns || width - right > maxColumns)
        {
            return false;
        }

        picture = new PixelRect(left, top, right - left, bottom - top);
        return true;
    }

    /// <summary>
    /// Whether a row is bar: both ends dark, and at most <see cref="BorderDetectorSettings.RowLitFraction"/> of it
    /// lit. Subtitles in the middle of a bar fail neither test; a row of picture fails at least one.
    /// </summary>
    private bool IsRowBar(ReadOnlySpan<byte> row)
    {
        var length = row.Length / 3;
        var edge = Math.Max(1, (int)(length * _settings.EdgeFraction));
        var tolerated = edge / 4;
        var startLit = CountLit(row[..(edge * 3)]);
        if (startLit > tolerated)
        {
            return false;
        }

        var endLit = CountLit(row[((length - edge) * 3)..]);
        if (endLit > tolerated)
        {
            return false;
        }

        var middleLit = length > 2 * edge ? CountLit(row[(edge * 3)..((length - edge) * 3)]) : 0;
        return startLit + endLit + middleLit <= length * _settings.RowLitFraction;
    }

    private int CountLit(ReadOnlySpan<byte> pixels)
    {
        var darkMax = _darkMax;
        var lit = 0;
        for (var i = 0; i + 2 < pixels.Length; i += 3)
        {
            if (pixels[i] > darkMax || pixels[i + 1] > darkMax || pixels[i + 2] > darkMax)
            {
                lit++;
            }
        }

        return lit;
    }

    private int CountLitInColumn(Rgb24Image image, int x)
    {
        var darkMax = _darkMax;
        var offset = x * 3;
        var lit = 0;
        for (var y = 0; y < image.Height; y++)
        {
            var pixel = image.Row(y).Slice(offset, 3);
            if (pixel[0] > darkMax || pixel[1] > darkMax || pixel[2] > darkMax)
            {
                lit++;
            }
        }

        return lit;
    }

    private bool Near(PixelRect a, PixelRect b)
    {
        var jitter = _settings.JitterPixels;
        return Math.Abs(a.X - b.X) <= jitter && Math.Abs(a.Y - b.Y) <= jitter
            && Math.Abs(a.Right - b.Right) <= jitter && Math.Abs(a.Bottom - b.Bottom) <= jitter;
    }
}
