using System.ComponentModel;
using System.Diagnostics;
using System.Threading.Channels;

namespace DominantColors.Sources.Decoders;

/// <summary>
/// Plays a video file once through an ffmpeg child process that writes raw RGB24 frames to a pipe, at the
/// video's own size and frame timing. Frame sizes and times come from ffmpeg's <c>showinfo</c> filter on stderr,
/// which describes each frame before the frame reaches the pipe. One frame buffer is reused: the pixels of a
/// frame are valid until the next <see cref="ReadFrameAsync"/>.
/// </summary>
public sealed class VideoFileDecoder : IAsyncDisposable
{
    private const int DiagnosticLines = 4;

    private readonly Process _process;
    private readonly Stream _frames;
    private readonly Channel<ShowInfoLine> _frameInfos = Channel.CreateUnbounded<ShowInfoLine>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly Queue<string> _diagnostics = new();
    private readonly Task _stderrPump;
    private readonly long _maxPixels;
    private byte[] _buffer = [];
    private bool _ended;

    private VideoFileDecoder(Process process, long maxPixels)
    {
        _process = process;
        _maxPixels = maxPixels;
        _frames = process.StandardOutput.BaseStream;
        _stderrPump = Task.Run(PumpStandardErrorAsync);
    }

    public int Width { get; private set; }

    public int Height { get; private set; }

    public int Stride => Width * 3;

    /// <summary>The current frame's number, from 0.</summary>
    public long FrameIndex { get; private set; } = -1;

    /// <summary>The current frame's presentation time in seconds, if the stream has one.</summary>
    public double? PtsSeconds { get; private set; }

    /// <summary>The current frame, valid until the next <see cref="ReadFrameAsync"/>.</summary>
    public ReadOnlySpan<byte> Pixels => _buffer.AsSpan(0, Stride * Height);

    /// <summary>File name extensions read as video rather than as a still picture.</summary>
    public static IReadOnlySet<string> Extensions { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        ".mp4", ".m4v", ".mov", ".mkv", ".webm", ".avi", ".wmv", ".flv", ".mpg", ".mpeg", ".ts", ".m2ts", ".mts", ".3gp", ".ogv", ".y4m",
    };

    /// <summary>Starts ffmpeg on <paramref name="path"/>; throws <see cref="UnreadableInputException"/> when ffmpeg cannot be started.</summary>
    public static VideoFileDecoder Start(string path, long maxPixels, string ffmpeg = "ffmpeg")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPixels, 1);
        var start = new ProcessStartInfo(ffmpeg)
        {
            RedirectStandardInput = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
        };
        foreach (var argument in Arguments(path))
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            var process = Process.Start(start) ?? throw new UnreadableInputException($"could not start {ffmpeg}");
            return new VideoFileDecoder(process, maxPixels);
        }
        catch (Win32Exception ex)
        {
            throw new UnreadableInputException($"videos need ffmpeg, which could not be started ({ffmpeg}: {ex.Message})", ex);
        }
    }

    /// <summary>The ffmpeg command line: first video stream, every frame as decoded (no rate change), RGB24 to stdout.</summary>
    internal static IReadOnlyList<string> Arguments(string path) =>
    [
        "-hide_banner", "-nostdin", "-nostats", "-loglevel", "info",
        "-i", path,
        "-map", "0:v:0", "-an", "-sn",
        "-vf", "showinfo=checksum=0",
        "-fps_mode", "passthrough",
        "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1",
    ];

    /// <summary>
    /// Reads the next frame. Returns <see langword="false"/> at the end of the video; throws
    /// <see cref="UnreadableInputException"/> with ffmpeg's own reason when the file cannot be played.
    /// </summary>
    public async ValueTask<bool> ReadFrameAsync(CancellationToken cancellationToken)
    {
        if (_ended)
        {
            return false;
        }

        if (!await _frameInfos.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false)
            || !_frameInfos.Reader.TryRead(out var info))
        {
            _ended = true;
            await _process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            if (_process.ExitCode != 0)
            {
                throw new UnreadableInputException($"ffmpeg could not play it: {LastDiagnostic()}");
            }

            if (FrameIndex < 0)
            {
                throw new UnreadableInputException("no video frames in the file");
            }

            return false;
        }

        if ((long)info.Width * info.Height > _maxPixels)
        {
            _ended = true;
            throw UnreadableInputException.TooManyPixels(info.Width, info.Height, _maxPixels);
        }

        var size = info.Width * info.Height * 3;
        if (_buffer.Length < size)
        {
            _buffer = new byte[size];
        }

        try
        {
            await _frames.ReadExactlyAsync(_buffer.AsMemory(0, size), cancellationToken).ConfigureAwait(false);
        }
        catch (EndOfStreamException ex)
        {
            _ended = true;
            await _process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            throw new UnreadableInputException($"ffmpeg stopped in the middle of frame {info.Index}: {LastDiagnostic()}", ex);
        }

        Width = info.Width;
        Height = info.Height;
        FrameIndex = info.Index;
        PtsSeconds = info.PtsSeconds;
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync().ConfigureAwait(false);
        await _stderrPump.ConfigureAwait(false);
        _process.Dispose();
    }

    private async Task PumpStandardErrorAsync()
    {
        var reader = _process.StandardError;
        while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            if (ShowInfoLine.TryParse(line, out var info))
            {
                _frameInfos.Writer.TryWrite(info);
            }
            else if (!line.Contains("Parsed_showinfo", StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(line))
            {
                lock (_diagnostics)
                {
                    if (_diagnostics.Count == DiagnosticLines)
                    {
                        _diagnostics.Dequeue();
                    }

                    _diagnostics.Enqueue(line.Trim());
                }
            }
        }

        _frameInfos.Writer.TryComplete();
    }

    private string LastDiagnostic()
    {
        lock (_diagnostics)
        {
            return _diagnostics.Count == 0 ? $"exit code {_process.ExitCode}" : _diagnostics.Last();
        }
    }
}
