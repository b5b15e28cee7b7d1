using DominantColors.Sources.Decoders;

namespace DominantColors.Extract;

/// <summary>
/// What one concurrent input of an <c>extract</c> run keeps from picture to picture with <c>--jpeg-decoder ffmpeg</c>:
/// its long-lived ffmpeg, and the buffer its files are read into (grown to the largest file, never per picture).
/// </summary>
internal sealed class FfmpegJpegLane : IAsyncDisposable
{
    private byte[]? _file;

    public FfmpegJpegLane(FfmpegJpegDecoder decoder)
    {
        Decoder = decoder;
    }

    public FfmpegJpegDecoder Decoder { get; }

    /// <summary>Reads and checks the picture in <paramref name="stream"/>, into this lane's buffer where it is read whole.</summary>
    public CheckedPicture Check(ImageFileDecoder decoder, Stream stream) => decoder.Check(stream, ref _file);

    public ValueTask DisposeAsync() => Decoder.DisposeAsync();
}
