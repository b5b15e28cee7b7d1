namespace DominantColors.Sources.Hyperion;

/// <summary>
/// Field slots and union type ids of hyperion_request.fbs and hyperion_reply.fbs. A field's vtable offset is
/// 4 + 2 x its id; a union field takes two ids (its type, then its value); union type ids count from 1.
/// </summary>
internal static class HyperionSchema
{
    public const short RequestCommandType = 4;
    public const short RequestCommand = 6;

    public const byte CommandColor = 1;
    public const byte CommandImage = 2;
    public const byte CommandClear = 3;
    public const byte CommandRegister = 4;

    public const short RegisterOrigin = 4;
    public const short RegisterPriority = 6;

    public const short ImageDataType = 4;
    public const short ImageData = 6;
    public const short ImageDuration = 8;

    public const byte ImageTypeRaw = 1;
    public const byte ImageTypeNv12 = 2;

    public const short RawImageData = 4;
    public const short RawImageWidth = 6;
    public const short RawImageHeight = 8;

    public const short Nv12DataY = 4;
    public const short Nv12DataUv = 6;
    public const short Nv12Width = 8;
    public const short Nv12Height = 10;
    public const short Nv12StrideY = 12;
    public const short Nv12StrideUv = 14;

    public const short ClearPriority = 4;

    public const short ColorData = 4;
    public const short ColorDuration = 6;

    /// <summary>Reply slots by field id (for <c>FlatBufferBuilder.AddInt(slot, ...)</c>): error, video, registered.</summary>
    public const int ReplyErrorSlot = 0;
    public const int ReplyVideoSlot = 1;
    public const int ReplyRegisteredSlot = 2;
    public const int ReplyFieldCount = 3;

    /// <summary>Hyperion's bounds for a message body and for a FlatBuffers sender's priority.</summary>
    public const int MaxMessageLength = 10_000_000;
    public const int MinPriority = 100;
    public const int MaxPriority = 199;
}
