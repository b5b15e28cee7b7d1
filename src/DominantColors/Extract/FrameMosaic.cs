namespace DominantColors.Extract;

/// <summary>
/// A small stand-in for every frame of a video, for the palette of the whole video: each frame gives one row of
/// pixels sampled on an even grid. When the rows run out, every second row is dropped and from then on only every
/// second frame is kept, so a long video costs at most <see cref="MaxRows"/> rows and covers its whole length evenly.
/// </summary>
internal sealed class FrameMosaic
{
    public const int MaxRows = 1024;

    private readonly byte[] _pixels;
    private int _rows;
    private long _frames;
    private int _keepEvery = 1;

    public FrameMosaic(int samplesPerFrame = 2048)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(samplesPerFrame, 1);
        SamplesPerFrame = samplesPerFrame;
        _pixels = new byte[samplesPerFrame * 3 * MaxRows];
    }

    public int SamplesPerFrame { get; }

    public int Rows => _rows;

    /// <summary>The rows so far: <see cref="Rows"/> rows of <see cref="SamplesPerFrame"/> RGB24 pixels.</summary>
    public ReadOnlySpan<byte> Pixels => _pixels.AsSpan(0, _rows * SamplesPerFrame * 3);

    /// <summary>Samples one frame (tightly packed RGB24) into a row, if this frame is one that is kept.</summary>
    public void Add(ReadOnlySpan<byte> pixels, int width, int height)
    {
        var frame = _frames++;
        if (frame % _keepEvery != 0 || width <= 0 || height <= 0)
        {
            return;
        }

        if (_rows == MaxRows)
        {
            Halve();
            if (frame % _keepEvery != 0)
            {
                return;
            }
        }

        var rowBytes = SamplesPerFrame * 3;
        var row = _pixels.AsSpan(_rows * rowBytes, rowBytes);
        var count = (long)width * height;

        // Even spread over the picture in reading order; no allocation per frame.
        for (var i = 0; i < SamplesPerFrame; i++)
        {
            var pixel = (i * count / SamplesPerFrame) * 3;
            pixels.Slice((int)pixel, 3).CopyTo(row.Slice(i * 3, 3));
        }

        _rows++;
    }

    private void Halve()
    {
        var rowBytes = SamplesPerFrame * 3;
        for (var i = 0; i < _rows / 2; i++)
        {
            _pixels.AsSpan(i * 2 * rowBytes, rowBytes).CopyTo(_pixels.AsSpan(i * rowBytes, rowBytes));
        }

        _rows /= 2;
        _keepEvery *= 2;
    }
}
