using Google.FlatBuffers;

namespace DominantColors.Sources.Hyperion;

/// <summary>
/// Checks a request buffer against hyperion_request.fbs before any field is read, as the generated verifier of
/// Hyperion's own server does: every table, offset, string and vector must lie inside the message. The union's type
/// byte is verified and read here, so the table behind it is checked with the right shape. Allocation-free: the
/// callbacks are cached delegates.
/// </summary>
internal static class HyperionVerifier
{
    private static readonly VerifyTableAction RequestAction = VerifyRequest;
    private static readonly VerifyTableAction ColorAction = VerifyColor;
    private static readonly VerifyTableAction ImageAction = VerifyImage;
    private static readonly VerifyTableAction ClearAction = VerifyClear;
    private static readonly VerifyTableAction RegisterAction = VerifyRegister;
    private static readonly VerifyTableAction RawImageAction = VerifyRawImage;
    private static readonly VerifyTableAction Nv12ImageAction = VerifyNv12Image;
    private static readonly VerifyTableAction UnknownAction = static (_, _) => true;

    /// <summary>Whether the verifier's buffer holds a well-formed Request.</summary>
    public static bool VerifyRequestBuffer(Verifier verifier) => verifier.VerifyBuffer(null, false, RequestAction);

    private static bool VerifyRequest(Verifier v, uint table)
    {
        if (!Start(v, table) || !v.VerifyField(table, HyperionSchema.RequestCommandType, 1, 1, false))
        {
            return false;
        }

        var action = ReadUnionType(v.Buf, table, HyperionSchema.RequestCommandType) switch
        {
            HyperionSchema.CommandColor => ColorAction,
            HyperionSchema.CommandImage => ImageAction,
            HyperionSchema.CommandClear => ClearAction,
            HyperionSchema.CommandRegister => RegisterAction,
            _ => UnknownAction, // As generated verifiers do: an unknown member passes here and is answered as unknown.
        };
        return v.VerifyTable(table, HyperionSchema.RequestCommand, action, true) && v.VerifyTableEnd(table);
    }

    private static bool VerifyRegister(Verifier v, uint table) =>
        Start(v, table)
        && v.VerifyString(table, HyperionSchema.RegisterOrigin, true)
        && v.VerifyField(table, HyperionSchema.RegisterPriority, 4, 4, false)
        && v.VerifyTableEnd(table);

    private static bool VerifyImage(Verifier v, uint table)
    {
        if (!Start(v, table) || !v.VerifyField(table, HyperionSchema.ImageDataType, 1, 1, false)
            || !v.VerifyField(table, HyperionSchema.ImageDuration, 4, 4, false))
        {
            return false;
        }

        var action = ReadUnionType(v.Buf, table, HyperionSchema.ImageDataType) switch
        {
            HyperionSchema.ImageTypeRaw => RawImageAction,
            HyperionSchema.ImageTypeNv12 => Nv12ImageAction,
            _ => UnknownAction,
        };
        return v.VerifyTable(table, HyperionSchema.ImageData, action, true) && v.VerifyTableEnd(table);
    }

    private static bool VerifyRawImage(Verifier v, uint table) =>
        Start(v, table)
        && v.VerifyVectorOfData(table, HyperionSchema.RawImageData, 1, false)
        && v.VerifyField(table, HyperionSchema.RawImageWidth, 4, 4, false)
        && v.VerifyField(table, HyperionSchema.RawImageHeight, 4, 4, false)
        && v.VerifyTableEnd(table);

    private static bool VerifyNv12Image(Verifier v, uint table) =>
        Start(v, table)
        && v.VerifyVectorOfData(table, HyperionSchema.Nv12DataY, 1, false)
        && v.VerifyVectorOfData(table, HyperionSchema.Nv12DataUv, 1, false)
        && v.VerifyField(table, HyperionSchema.Nv12Width, 4, 4, false)
        && v.VerifyField(table, HyperionSchema.Nv12Height, 4, 4, false)
        && v.VerifyField(table, HyperionSchema.Nv12StrideY, 4, 4, false)
        && v.VerifyField(table, HyperionSchema.Nv12StrideUv, 4, 4, false)
        && v.VerifyTableEnd(table);

    private static bool VerifyClear(Verifier v, uint table) =>
        Start(v, table) && v.VerifyField(table, HyperionSchema.ClearPriority, 4, 4, false) && v.VerifyTableEnd(table);

    private static bool VerifyColor(Verifier v, uint table) =>
        Start(v, table)
        && v.VerifyField(table, HyperionSchema.ColorData, 4, 4, false)
        && v.VerifyField(table, HyperionSchema.ColorDuration, 4, 4, false)
        && v.VerifyTableEnd(table);

    /// <summary>
    /// Starts a table and refuses a vtable beyond 32 KiB: Google.FlatBuffers' verifier keeps vtable positions in a
    /// 16-bit integer and, past that, prints an exception to the console and treats every field as absent, which would
    /// leave fields unchecked. Builders put tables in front of the data they point to, so real senders stay far below.
    /// </summary>
    private static bool Start(Verifier v, uint table)
    {
        if (!v.VerifyTableStart(table))
        {
            return false;
        }

        var vtable = (long)table - v.Buf.GetInt((int)table);
        return vtable is >= 0 and <= short.MaxValue;
    }

    private static byte ReadUnionType(ByteBuffer buffer, uint table, short field)
    {
        var o = new Table((int)table, buffer).__offset(field);
        return o == 0 ? (byte)0 : buffer.Get((int)table + o);
    }
}
