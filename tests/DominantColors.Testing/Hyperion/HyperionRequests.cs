using Google.FlatBuffers;

namespace DominantColors.Testing.Hyperion;

/// <summary>
/// Builds requests as a Hyperion grabber does, written from hyperion_request.fbs with FlatBufferBuilder's own API
/// (the way flatc's generated Create... helpers do), independently of the server's readers. Each message comes with
/// its 4-byte big-endian length in front, as Hyperion's clients send it (hyperion.ng FlatBufferConnection.cpp).
/// </summary>
internal static class HyperionRequests
{
    // union Command { Color, Image, Clear, Register } and union ImageType { RawImage, NV12Image }: ids from 1.
    private const byte Color = 1;
    private const byte Image = 2;
    private const byte Clear = 3;
    private const byte Register = 4;
    private const byte RawImage = 1;
    private const byte Nv12Image = 2;

    public static byte[] RegisterRequest(string origin, int priority)
    {
        var b = new FlatBufferBuilder(128);
        var name = b.CreateString(origin);
        b.StartTable(2);
        b.AddOffset(0, name.Value, 0);
        b.AddInt(1, priority, 0);
        var register = b.EndTable();
        b.Required(register, 4);
        return Finish(b, Register, register);
    }

    public static byte[] RawImageRequest(byte[] pixels, int width, int height, int duration = -1)
    {
        var b = new FlatBufferBuilder(pixels.Length + 128);
        b.StartVector(1, pixels.Length, 1);
        b.Add(pixels);
        var data = b.EndVector();
        b.StartTable(3);
        b.AddInt(2, height, -1);
        b.AddInt(1, width, -1);
        b.AddOffset(0, data.Value, 0);
        var raw = b.EndTable();
        return Finish(b, Image, ImageTable(b, RawImage, raw, duration));
    }

    public static byte[] Nv12ImageRequest(int width, int height)
    {
        var b = new FlatBufferBuilder(1024);
        var y = Vector(b, new byte[width * height]);
        var uv = Vector(b, new byte[width * height / 2]);
        b.StartTable(6);
        b.AddOffset(0, y.Value, 0);
        b.AddOffset(1, uv.Value, 0);
        b.AddInt(2, width, 0);
        b.AddInt(3, height, 0);
        var nv12 = b.EndTable();
        return Finish(b, Image, ImageTable(b, Nv12Image, nv12, -1));
    }

    public static byte[] ColorRequest(int rgb, int duration = -1)
    {
        var b = new FlatBufferBuilder(64);
        b.StartTable(2);
        b.AddInt(0, rgb, 0);
        b.AddInt(1, duration, -1);
        return Finish(b, Color, b.EndTable());
    }

    public static byte[] ClearRequest(int priority)
    {
        var b = new FlatBufferBuilder(64);
        b.StartTable(1);
        b.AddInt(0, priority, 0);
        return Finish(b, Clear, b.EndTable());
    }

    /// <summary>A picture of <paramref name="width"/> x <paramref name="height"/> in one colour, 3 or 4 bytes a pixel.</summary>
    public static byte[] Solid(int width, int height, byte r, byte g, byte b, int bytesPerPixel = 3)
    {
        var pixels = new byte[width * height * bytesPerPixel];
        for (var i = 0; i < pixels.Length; i += bytesPerPixel)
        {
            pixels[i] = r;
            pixels[i + 1] = g;
            pixels[i + 2] = b;
            if (bytesPerPixel == 4)
            {
                pixels[i + 3] = 255;
            }
        }

        return pixels;
    }

    private static VectorOffset Vector(FlatBufferBuilder b, byte[] bytes)
    {
        b.StartVector(1, bytes.Length, 1);
        b.Add(bytes);
        return b.EndVector();
    }

    private static int ImageTable(FlatBufferBuilder b, byte type, int data, int duration)
    {
        b.StartTable(3);
        b.AddInt(2, duration, -1);
        b.AddOffset(1, data, 0);
        b.AddByte(0, type, 0);
        var image = b.EndTable();
        b.Required(image, 6);
        return image;
    }

    private static byte[] Finish(FlatBufferBuilder b, byte type, int command)
    {
        b.StartTable(2);
        b.AddOffset(1, command, 0);
        b.AddByte(0, type, 0);
        var request = b.EndTable();
        b.Required(request, 6);
        b.Finish(request);
        var body = b.SizedByteArray();
        var message = new byte[body.Length + 4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(message, body.Length);
        body.CopyTo(message, 4);
        return message;
    }
}
