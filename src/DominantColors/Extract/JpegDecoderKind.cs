namespace DominantColors.Extract;

/// <summary>What decodes JPEG pictures in <c>extract</c> (<c>--jpeg-decoder</c>).</summary>
internal enum JpegDecoderKind
{
    /// <summary>ImageSharp, at full size, like every other picture format.</summary>
    ImageSharp,

    /// <summary>Long-lived ffmpeg processes at 1/8 scale, for JPEGs of 4 megapixels and more; the rest stay with ImageSharp.</summary>
    Ffmpeg,
}
