namespace DominantColors.Extract;

/// <summary>What one <c>extract</c> run was asked to do, checked by the command line before it starts.</summary>
internal sealed record ExtractSettings
{
    public int Colors { get; init; } = 3;

    public ExtractFormat Format { get; init; } = ExtractFormat.Text;

    public int Seed { get; init; }

    public int Restarts { get; init; } = 1;

    /// <summary>Inputs decoded and clustered at the same time; output stays in input order.</summary>
    public int Jobs { get; init; } = 1;

    public long MaxPixels { get; init; } = Sources.Decoders.ImageFileDecoder.DefaultMaxPixels;

    /// <summary>Set when the inputs are raw RGB24 frames of this size.</summary>
    public RawFrameSize? Raw { get; init; }

    public ColorMode Color { get; init; } = ColorMode.Auto;

    /// <summary>The ffmpeg executable for video inputs (and JPEGs with <see cref="JpegDecoderKind.Ffmpeg"/>).</summary>
    public string Ffmpeg { get; init; } = "ffmpeg";

    /// <summary>What decodes JPEG pictures.</summary>
    public JpegDecoderKind JpegDecoder { get; init; } = JpegDecoderKind.ImageSharp;

    /// <summary>The contact sheet to write (<c>--html</c>), or null.</summary>
    public string? Html { get; init; }

    /// <summary>The JSONL file results are appended to as they are made (<c>--output</c>), or null.</summary>
    public string? Output { get; init; }

    /// <summary>Skip the inputs <see cref="Output"/> already records with the same path, size and modification time.</summary>
    public bool Resume { get; init; }

    /// <summary>The movie barcode PNG to write for videos (<c>--barcode</c>), or null.</summary>
    public string? Barcode { get; init; }
}
