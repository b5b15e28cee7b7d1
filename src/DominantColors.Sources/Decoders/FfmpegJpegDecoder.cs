using System.ComponentModel;
using System.Globalization;
using DominantColors.Sources.Ffmpeg;

namespace DominantColors.Sources.Decoders;

/// <summary>
/// Decodes whole JPEG files through one long-lived ffmpeg, at 1/8 scale in the DCT domain (<c>-lowres 3</c>: only
/// each 8x8 block's DC coefficient goes through the inverse transform), into a fixed <see cref="FrameSize"/> square
/// RGB24 frame. Each JPEG goes in over stdin as one part of a multipart stream whose header states its length, so
/// ffmpeg's <c>mpjpeg</c> demuxer hands it to the decoder at once, without waiting for the next picture's start (as
/// the <c>jpeg_pipe</c> demuxer would), and the frame comes back as exactly <see cref="FrameBytes"/> bytes.
/// Scaling every picture to one square changes its aspect but not the share of its area any color covers, which is
/// all a palette weighs. ffmpeg exits on the first decoding error (<c>-err_detect explode -xerror</c>), so a damaged
/// picture can never stand in for a whole one; after any failure the next picture starts a fresh ffmpeg.
/// One caller at a time.
/// </summary>
public sealed class FfmpegJpegDecoder : IAsyncDisposable
{
    /// <summary>The frame's width and height.</summary>
    public const int FrameSize = 256;

    /// <summary>Bytes in one frame: <see cref="FrameSize"/> squared, three per pixel.</summary>
    public const int FrameBytes = FrameSize * FrameSize * 3;

    /// <summary>
    /// Pictures from this size up go through ffmpeg: at 1/8 scale they still have at least the frame's pixels.
    /// Smaller ones would be upscaled from a few thousand pixels, and ImageSharp decodes them cheaply anyway.
    /// </summary>
    public const long MinimumPixels = 64L * FrameSize * FrameSize;

    private static readonly byte[] PartEnd = "\r\n"u8.ToArray();

    private readonly string _executable;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;
    private readonly byte[] _frame = new byte[FrameBytes];
    private readonly byte[] _partHeader = new byte[96];
    private CancellationTokenSource _watchdog;
    private FfmpegProcess? _process;
    private int _starts;

    /// <param name="executable">The ffmpeg executable (a name looked up in PATH, or a path).</param>
    /// <param name="timeout">How long one picture may take before ffmpeg is taken to be stuck and is killed.</param>
    /// <param name="time">The clock of that timeout.</param>
    public FfmpegJpegDecoder(string executable, TimeSpan timeout, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(executable);
        ArgumentNullException.ThrowIfNull(time);
        _executable = executable;
        _timeout = timeout;
        _time = time;
        _watchdog = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
    }

    /// <summary>The last decoded frame, <see cref="FrameSize"/> square, RGB24; valid until the next decode.</summary>
    public ReadOnlySpan<byte> Frame => _frame;

    /// <summary>The running ffmpeg's process id, if one is running.</summary>
    public int? ProcessId => _process?.Id;

    /// <summary>How many times ffmpeg was started.</summary>
    public int Starts => _starts;

    /// <summary>Why the last failed decode failed (ffmpeg's last line on stderr, or what went wrong around it).</summary>
    public string? LastFailure { get; private set; }

    /// <summary>
    /// The ffmpeg command line: JPEG parts on stdin, one scaled RGB24 frame per part on stdout. Every stage runs on one
    /// thread: the rawvideo encoder otherwise uses frame threads and holds frames back until later pictures arrive,
    /// so a picture's frame would never come while ffmpeg waits for the next picture.
    /// </summary>
    internal static IReadOnlyList<string> Arguments { get; } =
    [
        "-hide_banner", "-nostdin", "-nostats", "-loglevel", "error", "-xerror",
        "-threads", "1", "-err_detect", "explode", "-lowres", "3",
        "-probesize", "32", "-fpsprobesize", "0", "-analyzeduration", "0",
        "-f", "mpjpeg", "-i", "pipe:0",
        "-filter_threads", "1", "-vf", string.Create(CultureInfo.InvariantCulture, $"scale={FrameSize}:{FrameSize}:flags=area"),
        "-fps_mode", "passthrough", "-threads", "1", "-flush_packets", "1",
        "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1",
    ];

    /// <summary>Whether a checked picture goes this way: a JPEG of one or three 8-bit components, at least <see cref="MinimumPixels"/>.</summary>
    public static bool Suits(CheckedPicture picture) =>
        picture.IsJpeg
        && picture.BitsPerPixel is 8 or 24
        && (long)picture.Width * picture.Height >= MinimumPixels
        && picture.Bytes.Count > 0;

    /// <summary>
    /// Decodes one whole JPEG into <see cref="Frame"/>. Returns <see langword="false"/> when ffmpeg could not
    /// (<see cref="LastFailure"/> says why; that ffmpeg is gone and the next call starts another). Throws
    /// <see cref="Win32Exception"/> when ffmpeg cannot be started at all.
    /// </summary>
    public async ValueTask<bool> TryDecodeAsync(ReadOnlyMemory<byte> jpeg, CancellationToken cancellationToken)
    {
        var process = _process ??= Start();
        var headerLength = WritePartHeader(jpeg.Length);
        var watchdog = _watchdog;
        watchdog.CancelAfter(_timeout);

        // A stuck ffmpeg is killed, which ends a blocked write or read however the pipe treats cancellation; the
        // caller's cancellation goes the same way. Both registrations come from the sources' own pools.
        using var kill = watchdog.Token.UnsafeRegister(static state => ((FfmpegProcess)state!).Kill(), process);
        using var forward = cancellationToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), watchdog);
        try
        {
            // The header, frame and watchdog are reused: nothing is allocated per picture for its bytes or its frame.
            await process.Input.WriteAsync(_partHeader.AsMemory(0, headerLength), watchdog.Token).ConfigureAwait(false);
            await process.Input.WriteAsync(jpeg, watchdog.Token).ConfigureAwait(false);
            await process.Input.WriteAsync(PartEnd, watchdog.Token).ConfigureAwait(false);
            await process.Input.FlushAsync(watchdog.Token).ConfigureAwait(false);
            await process.Output.ReadExactlyAsync(_frame, watchdog.Token).ConfigureAwait(false);
            LastFailure = null;
            return true;
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // EndOfStreamException (ffmpeg exited before the whole frame) is an IOException, as is a broken pipe.
            var exitCode = await StopAsync().ConfigureAwait(false);
            LastFailure = watchdog.IsCancellationRequested
                ? $"ffmpeg gave no frame within {_timeout.TotalSeconds:0.#} s"
                : process.LastErrorLine is { } line ? $"ffmpeg: {line}" : $"ffmpeg exited (code {exitCode})";
            return false;
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException)
        {
            await StopAsync().ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            throw;
        }
        finally
        {
            if (!watchdog.TryReset())
            {
                // It fired (a stuck ffmpeg or the caller's cancellation): a fresh one for the next picture.
                watchdog.Dispose();
                _watchdog = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _time);
            }
        }
    }

    /// <summary>Stops ffmpeg and waits for it, so it is reaped (and its CPU time counted) before the caller goes on.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _watchdog.Dispose();
    }

    private FfmpegProcess Start()
    {
        var process = FfmpegProcess.Start(_executable, Arguments, redirectInput: true);
        _starts++;
        return process;
    }

    private async Task<int> StopAsync()
    {
        if (_process is not { } process)
        {
            return -1;
        }

        _process = null;
        var exitCode = await process.StopAsync().ConfigureAwait(false);
        process.Dispose();
        return exitCode;
    }

    private int WritePartHeader(int length)
    {
        var header = _partHeader.AsSpan();
        var written = 0;
        Append(header, ref written, "--ffmpeg\r\nContent-Type: image/jpeg\r\nContent-Length: "u8);
        if (!length.TryFormat(header[written..], out var digits, provider: CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("A part header is too long for its buffer.");
        }

        written += digits;
        Append(header, ref written, "\r\n\r\n"u8);
        return written;
    }

    private static void Append(Span<byte> destination, ref int written, ReadOnlySpan<byte> text)
    {
        text.CopyTo(destination[written..]);
        written += text.Length;
    }
}
