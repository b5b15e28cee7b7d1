using Google.FlatBuffers;
using Microsoft.Extensions.Logging;
using R = DominantColors.Sources.Hyperion.HyperionRequestReader;

namespace DominantColors.Sources.Hyperion;

/// <summary>
/// Handles one connection's requests as Hyperion's FlatBuffers server does (libsrc/flatbufserver/FlatBufferClient.cpp):
/// verify, then Register, Image, Color or Clear, each answered with a Reply. A winning image is scaled straight into a
/// pooled frame. Per image nothing is allocated: the message window, ByteBuffer, verifier, scaler and reply builder
/// are reused. A buffer that fails verification or an image whose size does not match its data is a fault: the caller
/// sends the error reply and closes the connection.
/// </summary>
internal sealed class HyperionRequestHandler
{
    private readonly HyperionSender _sender;
    private readonly HyperionPriorityTable _table;
    private readonly HyperionFrameOutput _output;
    private readonly RgbAreaScaler _scaler;
    private readonly ILogger _logger;
    private readonly string _source;
    private readonly MessageWindow _window = new();
    private readonly ByteBuffer _buffer;
    private readonly Verifier _verifier;
    private readonly HyperionReplyWriter _replies = new();
    private bool _nv12Logged;

    public HyperionRequestHandler(HyperionSender sender, HyperionPriorityTable table, HyperionFrameOutput output, ILogger logger, string source)
    {
        _sender = sender;
        _table = table;
        _output = output;
        _logger = logger;
        _source = source;
        _scaler = new RgbAreaScaler(output.Width, output.Height);
        _buffer = new ByteBuffer(_window, 0);
        _verifier = new Verifier(_buffer, new Options());
    }

    /// <summary>Handles the request in the first <paramref name="length"/> bytes of <paramref name="message"/>.</summary>
    public HyperionOutcome Handle(byte[] message, int length)
    {
        _window.Show(message, length);
        if (!HyperionVerifier.VerifyRequestBuffer(_verifier))
        {
            return new(_replies.Error("Invalid FlatBuffer message received"), "the message is not a valid FlatBuffers Request");
        }

        var request = R.Root(_buffer);
        var command = R.Command(_buffer, request);
        return R.CommandType(_buffer, request) switch
        {
            HyperionSchema.CommandRegister => Register(command),
            HyperionSchema.CommandImage => Image(message, command),
            HyperionSchema.CommandColor => Color(command),
            HyperionSchema.CommandClear => Clear(command),
            _ => new(_replies.Error("Received invalid packet."), null),
        };
    }

    private HyperionOutcome Register(int register)
    {
        var priority = R.RegisterPriority(_buffer, register);
        if (priority is < HyperionSchema.MinPriority or > HyperionSchema.MaxPriority)
        {
            Log.HyperionBadPriority(_logger, _source, _sender.Peer, priority);
            return new(_replies.Error($"The priority {priority} is not in the priority range between {HyperionSchema.MinPriority} and {HyperionSchema.MaxPriority}"), null);
        }

        var origin = R.RegisterOrigin(_buffer, register);
        _table.Register(_sender, priority, origin);
        Log.HyperionRegistered(_logger, _source, _sender.Peer, origin, priority);
        return new(_replies.Success(priority), null);
    }

    private HyperionOutcome Image(byte[] message, int image)
    {
        if (_sender.Priority < 0)
        {
            return NotRegistered();
        }

        var data = R.ImageData(_buffer, image);
        switch (R.ImageDataType(_buffer, image))
        {
            case HyperionSchema.ImageTypeRaw:
                break;
            case HyperionSchema.ImageTypeNv12:
                if (!_nv12Logged)
                {
                    _nv12Logged = true;
                    Log.HyperionNv12(_logger, _source, _sender.Peer);
                }

                return new(_replies.Error("NV12 images are not supported by this server; send RawImage (RGB24 or RGBA)"), null);
            default:
                return new(_replies.Error("No or unknown image data provided"), null);
        }

        var width = R.RawImageWidth(_buffer, data);
        var height = R.RawImageHeight(_buffer, data);
        var (start, length) = R.RawImageData(_buffer, data);
        if (width <= 0 || height <= 0 || length == 0)
        {
            return new(_replies.Error("Invalid width and/or height or no raw image data provided"), $"an image of {width}x{height} with {length} bytes of data");
        }

        // As Hyperion: whole bytes per pixel from the data size, 3 (RGB24) or 4 (RGBA); trailing bytes are ignored.
        var bytesPerPixel = length / ((long)width * height);
        if (bytesPerPixel is not (3 or 4))
        {
            return new(_replies.Error("Size of image data does not match with the width and height"), $"{length} bytes of data do not make a {width}x{height} RGB24 or RGBA image");
        }

        var now = _output.Time.GetTimestamp();
        if (_table.Input(_sender, R.ImageDuration(_buffer, image), now, _output.Time))
        {
            var frame = _output.Rent(now);
            _scaler.Scale(message.AsSpan(start, (int)(width * height * bytesPerPixel)), width, height, (int)bytesPerPixel, frame.PixelsToWrite);
            _output.Publish(frame);
        }

        return new(_replies.Success(_sender.Priority), null);
    }

    private HyperionOutcome Color(int color)
    {
        if (_sender.Priority < 0)
        {
            return NotRegistered();
        }

        var now = _output.Time.GetTimestamp();
        if (_table.Input(_sender, R.ColorDuration(_buffer, color), now, _output.Time))
        {
            var rgb = R.ColorData(_buffer, color);
            var frame = _output.Rent(now);
            var pixels = frame.PixelsToWrite;
            for (var i = 0; i < pixels.Length; i += 3)
            {
                pixels[i] = (byte)(rgb >> 16);
                pixels[i + 1] = (byte)(rgb >> 8);
                pixels[i + 2] = (byte)rgb;
            }

            _output.Publish(frame);
        }

        return new(_replies.Success(_sender.Priority), null);
    }

    private HyperionOutcome Clear(int clear)
    {
        _table.Clear(R.ClearPriority(_buffer, clear));
        return new(_replies.Success(_sender.Priority), null);
    }

    private HyperionOutcome NotRegistered() =>
        new(_replies.Error($"Register with a priority from {HyperionSchema.MinPriority} to {HyperionSchema.MaxPriority} before sending images or colors"), null);
}
