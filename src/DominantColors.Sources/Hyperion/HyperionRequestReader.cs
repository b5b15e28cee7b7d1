using Google.FlatBuffers;

namespace DominantColors.Sources.Hyperion;

/// <summary>
/// Reads the fields of a verified Request (hyperion_request.fbs) in place, as generated accessors do, with the
/// schema's defaults for absent fields. Positions are absolute offsets into the buffer. Allocates nothing except
/// <see cref="RegisterOrigin"/>.
/// </summary>
internal static class HyperionRequestReader
{
    public static int Root(ByteBuffer buffer) => buffer.Position + buffer.GetInt(buffer.Position);

    public static byte CommandType(ByteBuffer buffer, int request) => GetByte(buffer, request, HyperionSchema.RequestCommandType);

    public static int Command(ByteBuffer buffer, int request) => GetTable(buffer, request, HyperionSchema.RequestCommand);

    public static string RegisterOrigin(ByteBuffer buffer, int register)
    {
        var table = new Table(register, buffer);
        var o = table.__offset(HyperionSchema.RegisterOrigin);
        return o == 0 ? string.Empty : table.__string(register + o);
    }

    public static int RegisterPriority(ByteBuffer buffer, int register) => GetInt(buffer, register, HyperionSchema.RegisterPriority, 0);

    public static byte ImageDataType(ByteBuffer buffer, int image) => GetByte(buffer, image, HyperionSchema.ImageDataType);

    public static int ImageData(ByteBuffer buffer, int image) => GetTable(buffer, image, HyperionSchema.ImageData);

    public static int ImageDuration(ByteBuffer buffer, int image) => GetInt(buffer, image, HyperionSchema.ImageDuration, -1);

    public static int RawImageWidth(ByteBuffer buffer, int raw) => GetInt(buffer, raw, HyperionSchema.RawImageWidth, -1);

    public static int RawImageHeight(ByteBuffer buffer, int raw) => GetInt(buffer, raw, HyperionSchema.RawImageHeight, -1);

    /// <summary>Where the bytes of RawImage.data start and how many there are (0 when absent).</summary>
    public static (int Start, int Length) RawImageData(ByteBuffer buffer, int raw)
    {
        var table = new Table(raw, buffer);
        var o = table.__offset(HyperionSchema.RawImageData);
        return o == 0 ? (0, 0) : (table.__vector(o), table.__vector_len(o));
    }

    public static int ClearPriority(ByteBuffer buffer, int clear) => GetInt(buffer, clear, HyperionSchema.ClearPriority, 0);

    public static int ColorData(ByteBuffer buffer, int color) => GetInt(buffer, color, HyperionSchema.ColorData, 0);

    public static int ColorDuration(ByteBuffer buffer, int color) => GetInt(buffer, color, HyperionSchema.ColorDuration, -1);

    private static int GetInt(ByteBuffer buffer, int table, short field, int fallback)
    {
        var o = new Table(table, buffer).__offset(field);
        return o == 0 ? fallback : buffer.GetInt(table + o);
    }

    private static byte GetByte(ByteBuffer buffer, int table, short field)
    {
        var o = new Table(table, buffer).__offset(field);
        return o == 0 ? (byte)0 : buffer.Get(table + o);
    }

    private static int GetTable(ByteBuffer buffer, int table, short field)
    {
        var t = new Table(table, buffer);
        var o = t.__offset(field);
        return o == 0 ? 0 : t.__indirect(table + o);
    }
}
