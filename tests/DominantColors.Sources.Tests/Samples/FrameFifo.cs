using System.Diagnostics;

namespace DominantColors.Sources.Tests.Samples;

/// <summary>
/// A named pipe that ffmpeg reads as raw RGB24 video, fed by the test one frame at a time: the input is there, but a
/// frame comes only when the test writes one. The test holds the pipe open for reading and writing, so neither side's
/// open blocks and ffmpeg sees no end of input until the pipe is disposed.
/// </summary>
internal sealed class FrameFifo : IDisposable
{
    private readonly FileStream _stream;
    private readonly int _frameBytes;

    private FrameFifo(string path, FileStream stream, int width, int height)
    {
        Path = path;
        Width = width;
        Height = height;
        _stream = stream;
        _frameBytes = width * height * 3;
    }

    public string Path { get; }

    public int Width { get; }

    public int Height { get; }

    /// <summary>The <c>-video_size</c> ffmpeg reads the pipe with.</summary>
    public string VideoSize => $"{Width}x{Height}";

    public static async Task<FrameFifo> CreateAsync(int width, int height)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"dominant-colors-fifo-{Guid.NewGuid():N}");
        using (var mkfifo = Process.Start("mkfifo", [path]))
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        // Read and write: on Linux this open never waits for a peer, and ffmpeg's own open finds a writer at once.
        var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite, bufferSize: 0);
        return new FrameFifo(path, stream, width, height);
    }

    /// <summary>Writes one whole frame of a single color.</summary>
    public void WriteFrame(byte red, byte green, byte blue)
    {
        var frame = new byte[_frameBytes];
        for (var i = 0; i < frame.Length; i += 3)
        {
            frame[i] = red;
            frame[i + 1] = green;
            frame[i + 2] = blue;
        }

        _stream.Write(frame);
    }

    public void Dispose()
    {
        _stream.Dispose();
        File.Delete(Path);
    }
}
