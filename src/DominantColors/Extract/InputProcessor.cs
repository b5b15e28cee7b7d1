using System.Collections.Concurrent;
using DominantColors.Frames;
using DominantColors.Palettes;
using DominantColors.Sources;
using DominantColors.Sources.Decoders;

namespace DominantColors.Extract;

/// <summary>
/// Reads one input and clusters it: pictures through ImageSharp (large JPEGs through ffmpeg at 1/8 scale when
/// <see cref="ExtractSettings.JpegDecoder"/> asks for it), videos (by file extension) through ffmpeg, and raw RGB24
/// files when a raw frame size is set. A bad input becomes a failed <see cref="InputOutcome"/> naming the reason,
/// never an exception. Safe to call from several threads: each call borrows its own extractor (and ffmpeg lane).
/// Dispose it to stop the ffmpeg processes that decode JPEGs.
/// </summary>
internal sealed class InputProcessor : IAsyncDisposable
{
    private readonly ExtractSettings _settings;
    private readonly ExtractionOptions _options;
    private readonly ImageFileDecoder _decoder;
    private readonly TimeProvider _time;
    private readonly ConcurrentBag<ExtractWorker> _workers = [];
    private readonly FfmpegJpegLanes? _jpegLanes;

    public InputProcessor(ExtractSettings settings, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _time = time;
        _options = new ExtractionOptions { Colors = settings.Colors, Seed = settings.Seed, Restarts = settings.Restarts };
        _decoder = new ImageFileDecoder(settings.MaxPixels);
        _jpegLanes = settings.JpegDecoder == JpegDecoderKind.Ffmpeg ? new FfmpegJpegLanes(settings.Ffmpeg, time) : null;
    }

    /// <summary>The ffmpeg JPEG lanes, when JPEGs go through ffmpeg (tests watch their processes).</summary>
    internal FfmpegJpegLanes? JpegLanes => _jpegLanes;

    /// <summary>
    /// Clusters a small generated picture once, so that the first real input's <c>ms</c> measures clustering and not
    /// the just-in-time compilation of the clustering code.
    /// </summary>
    public void WarmUp()
    {
        const int Size = 64;
        var pixels = new byte[Size * Size * 3];
        for (var i = 0; i < Size * Size; i++)
        {
            pixels[i * 3] = (byte)(i * 7);
            pixels[(i * 3) + 1] = (byte)(i / Size * 4);
            pixels[(i * 3) + 2] = (byte)(i % Size * 4);
        }

        var worker = Rent();
        worker.Cluster("warm-up", Size, Size, new Rgb24Image(pixels, Size, Size), _time);
        new PaletteTracker(_options).Update(new Rgb24Image(pixels, Size, Size));
        _workers.Add(worker);
    }

    public async Task<InputOutcome> ProcessAsync(InputFile input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            if (_settings.Raw is { } raw)
            {
                return ProcessRaw(input, raw);
            }

            if (VideoFileDecoder.Extensions.Contains(Path.GetExtension(input.FullPath)))
            {
                return await ProcessVideoAsync(input, cancellationToken).ConfigureAwait(false);
            }

            if (_jpegLanes is not null)
            {
                return await ProcessPictureAsync(input, _jpegLanes, cancellationToken).ConfigureAwait(false);
            }

            return ProcessPicture(input);
        }
        catch (UnreadableInputException ex)
        {
            return InputOutcome.Failed(input.Display, ex.Message);
        }
        catch (FileNotFoundException)
        {
            return InputOutcome.Failed(input.Display, "no such file (it went away during the run)");
        }
        catch (UnauthorizedAccessException)
        {
            return InputOutcome.Failed(input.Display, "permission denied");
        }
        catch (IOException ex)
        {
            return InputOutcome.Failed(input.Display, $"read error: {ex.Message}");
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or OutOfMemoryException))
        {
            // One input must not end the batch, whatever went wrong with it; the line still names the fault.
            return InputOutcome.Failed(input.Display, $"unexpected {ex.GetType().Name}: {ex.Message}");
        }
    }

    public ValueTask DisposeAsync() => _jpegLanes?.DisposeAsync() ?? ValueTask.CompletedTask;

    private InputOutcome ProcessPicture(InputFile input)
    {
        using var image = _decoder.Decode(input.FullPath);
        return Cluster(input, image.Width, image.Height, new Rgb24Image(image.Pixels, image.Width, image.Height, image.Stride));
    }

    /// <summary>
    /// A picture with <c>--jpeg-decoder ffmpeg</c>: checked as always (header, pixel guard, a whole file), then a large
    /// JPEG goes through the lane's ffmpeg. Everything else, and any JPEG ffmpeg could not decode, is decoded by
    /// ImageSharp exactly as without the option, so such a file gets the same palette or the same reason as before.
    /// </summary>
    private async Task<InputOutcome> ProcessPictureAsync(InputFile input, FfmpegJpegLanes lanes, CancellationToken cancellationToken)
    {
        var lane = lanes.Rent();
        try
        {
            using var stream = ImageFileDecoder.OpenFile(input.FullPath);
            var picture = lane.Check(_decoder, stream);
            if (FfmpegJpegDecoder.Suits(picture) && await lanes.TryDecodeAsync(lane, picture, cancellationToken).ConfigureAwait(false))
            {
                const int Size = FfmpegJpegDecoder.FrameSize;

                // The frame is a square at 1/8 scale; the record keeps the picture's own size, from its header.
                return Cluster(input, picture.Width, picture.Height, new Rgb24Image(lane.Decoder.Frame, Size, Size, Size * 3));
            }

            using var image = _decoder.Load(stream, picture);
            return Cluster(input, image.Width, image.Height, new Rgb24Image(image.Pixels, image.Width, image.Height, image.Stride));
        }
        finally
        {
            lanes.Return(lane);
        }
    }

    /// <summary>
    /// One palette of <paramref name="image"/> with its roles, recorded as <paramref name="input"/> of
    /// <paramref name="width"/> x <paramref name="height"/>, and a thumbnail when a contact sheet wants one.
    /// </summary>
    private InputOutcome Cluster(InputFile input, int width, int height, Rgb24Image image)
    {
        var worker = Rent();
        try
        {
            var record = worker.Cluster(input.Display, width, height, image, _time);
            return new InputOutcome(input.Display, [record], null, null)
            {
                Thumbnail = _settings.Html is null ? null : Thumbnailer.Make(image, width, height),
            };
        }
        finally
        {
            _workers.Add(worker);
        }
    }

    private InputOutcome ProcessRaw(InputFile input, RawFrameSize size)
    {
        using var reader = RawRgbFileReader.Open(input.FullPath, size.Width, size.Height, _settings.MaxPixels);
        if (reader.FrameCount == 1)
        {
            reader.ReadFrame();
            return Cluster(input, reader.Width, reader.Height, new Rgb24Image(reader.Pixels, reader.Width, reader.Height));
        }

        var sequence = new SequenceExtraction(input.Display, _options, _time);
        while (reader.ReadFrame())
        {
            sequence.Add(reader.Pixels, reader.Width, reader.Height, reader.FrameIndex, pts: null);
        }

        return Finish(sequence);
    }

    private async Task<InputOutcome> ProcessVideoAsync(InputFile input, CancellationToken cancellationToken)
    {
        var decoder = VideoFileDecoder.Start(input.FullPath, _settings.MaxPixels, _settings.Ffmpeg);
        await using (decoder.ConfigureAwait(false))
        {
            var sequence = new SequenceExtraction(input.Display, _options, _time);
            while (await decoder.ReadFrameAsync(cancellationToken).ConfigureAwait(false))
            {
                sequence.Add(decoder.Pixels, decoder.Width, decoder.Height, decoder.FrameIndex, decoder.PtsSeconds);
            }

            return Finish(sequence);
        }
    }

    private InputOutcome Finish(SequenceExtraction sequence)
    {
        var worker = Rent();
        try
        {
            return sequence.Finish(worker.Extractor);
        }
        finally
        {
            _workers.Add(worker);
        }
    }

    private ExtractWorker Rent() => _workers.TryTake(out var worker) ? worker : new ExtractWorker(_options);
}
