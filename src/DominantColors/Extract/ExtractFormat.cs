namespace DominantColors.Extract;

/// <summary>How <c>extract</c> writes its palettes to stdout.</summary>
internal enum ExtractFormat
{
    /// <summary>One line per picture (per frame for videos) for people, with color swatches on a true-color terminal.</summary>
    Text,

    /// <summary>One JSON array, one object per input.</summary>
    Json,

    /// <summary>One JSON object per line: per picture, and per frame for videos.</summary>
    JsonLines,

    /// <summary>One row per palette color, with a header row.</summary>
    Csv,

    /// <summary>A GIMP palette (<c>.gpl</c>, read by GIMP, Inkscape and Krita): every color of every input.</summary>
    Gpl,

    /// <summary>CSS custom properties, one block per input, e.g. <c>--sunset-1: #f37a2d;</c>.</summary>
    Css,
}
