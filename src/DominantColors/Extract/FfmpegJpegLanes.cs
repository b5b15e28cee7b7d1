using System.Collections.Concurrent;
using System.ComponentModel;
using DominantColors.Sources;
using DominantColors.Sources.Decoders;

namespace DominantColors.Extract;

/// <summary>
/// The ffmpeg JPEG decoders of one <c>extract</c> run: a lane is rented per input and returned after it, so there are
/// never more lanes (and ffmpeg processes) than inputs processed at once (<c>--jobs</c>). Each lane's ffmpeg starts with
/// its first JPEG and lives until the run ends. When ffmpeg cannot be started, every JPEG meant for it fails with the
/// same reason, as every video does without ffmpeg, and no further start is tried.
/// </summary>
internal sealed class FfmpegJpegLanes : IAsyncDisposable
{
    /// <summary>How long one picture may take in ffmpeg before it is taken to be stuck (a 12 MP JPEG takes ~0.1 s).</summary>
    public static readonly TimeSpan PictureTimeout = TimeSpan.FromSeconds(30);

    private readonly ConcurrentBag<FfmpegJpegLane> _idle = [];
    private readonly ConcurrentQueue<FfmpegJpegLane> _all = [];
    private readonly string _ffmpeg;
    private readonly TimeProvider _time;
    private string? _unavailable;

    public FfmpegJpegLanes(string ffmpeg, TimeProvider time)
    {
        _ffmpeg = ffmpeg;
        _time = time;
    }

    /// <summary>How many ffmpeg processes the lanes started in all, restarts included.</summary>
    internal int Started => _all.Sum(lane => lane.Decoder.Starts);

    /// <summary>The process ids of the lanes' running ffmpegs.</summary>
    internal IReadOnlyList<int> RunningProcessIds => [.. _all.Select(lane => lane.Decoder.ProcessId).OfType<int>()];

    public FfmpegJpegLane Rent()
    {
        if (_idle.TryTake(out var lane))
        {
            return lane;
        }

        lane = new FfmpegJpegLane(new FfmpegJpegDecoder(_ffmpeg, PictureTimeout, _time));
        _all.Enqueue(lane);
        return lane;
    }

    public void Return(FfmpegJpegLane lane) => _idle.Add(lane);

    /// <summary>
    /// Decodes a checked JPEG into the lane's frame. <see langword="false"/> when ffmpeg could not decode it; throws
    /// <see cref="UnreadableInputException"/> naming ffmpeg and the option when ffmpeg cannot be started.
    /// </summary>
    public async ValueTask<bool> TryDecodeAsync(FfmpegJpegLane lane, CheckedPicture picture, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lane);
        if (Volatile.Read(ref _unavailable) is { } reason)
        {
            throw new UnreadableInputException(reason);
        }

        // Only the image itself: a trailer after its end marker (an appended motion-photo video) stays out of the pipe.
        var image = picture.Bytes.AsMemory(0, JpegStructure.ImageLength(picture.Bytes));
        try
        {
            return await lane.Decoder.TryDecodeAsync(image, cancellationToken).ConfigureAwait(false);
        }
        catch (Win32Exception ex)
        {
            reason = $"--jpeg-decoder ffmpeg needs ffmpeg, which could not be started ({_ffmpeg}: {ex.Message})";
            Volatile.Write(ref _unavailable, reason);
            throw new UnreadableInputException(reason, ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var lane in _all)
        {
            await lane.DisposeAsync().ConfigureAwait(false);
        }
    }
}
