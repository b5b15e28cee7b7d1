using System.Text.Json.Serialization;

namespace DominantColors.Extract;

/// <summary>A palette color in JSON: <c>{"hex": "#rrggbb", "rgb": [r, g, b], "weight": 0.42}</c>.</summary>
internal sealed record JsonColor(
    [property: JsonPropertyName("hex")] string Hex,
    [property: JsonPropertyName("rgb")] int[] Rgb,
    [property: JsonPropertyName("weight")] double Weight);

/// <summary>
/// One input in <c>--format json</c> (and one line of <c>--output</c>, which adds <c>path</c>, <c>size</c> and
/// <c>mtime</c>); a video also lists its frames, and has no foreground or background of its own.
/// </summary>
internal sealed record JsonInput(
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("width")] int Width,
    [property: JsonPropertyName("height")] int Height,
    [property: JsonPropertyName("palette")] JsonColor[] Palette,
    [property: JsonPropertyName("accent")] JsonColor? Accent,
    [property: JsonPropertyName("foreground")] JsonColor[]? Foreground,
    [property: JsonPropertyName("background")] JsonColor[]? Background,
    [property: JsonPropertyName("ms")] double Ms,
    [property: JsonPropertyName("frames")] JsonFrame[]? Frames = null)
{
    /// <summary>The full path of the input, in <c>--output</c> only.</summary>
    [JsonPropertyName("path")]
    public string? Path { get; init; }

    /// <summary>The input's size in bytes when it was read, in <c>--output</c> only.</summary>
    [JsonPropertyName("size")]
    public long? Size { get; init; }

    /// <summary>The input's last modification (UTC, ISO 8601) when it was read, in <c>--output</c> only.</summary>
    [JsonPropertyName("mtime")]
    public string? Mtime { get; init; }
}

/// <summary>One frame of a video inside its <see cref="JsonInput"/>.</summary>
internal sealed record JsonFrame(
    [property: JsonPropertyName("frame")] long Frame,
    [property: JsonPropertyName("pts")] double? Pts,
    [property: JsonPropertyName("palette")] JsonColor[] Palette,
    [property: JsonPropertyName("accent")] JsonColor? Accent,
    [property: JsonPropertyName("foreground")] JsonColor[]? Foreground,
    [property: JsonPropertyName("background")] JsonColor[]? Background,
    [property: JsonPropertyName("ms")] double Ms);

/// <summary>One line of <c>--format jsonl</c>: a picture, or one frame of a video (with <c>frame</c> and <c>pts</c>).</summary>
internal sealed record JsonLine(
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("frame")] long? Frame,
    [property: JsonPropertyName("pts")] double? Pts,
    [property: JsonPropertyName("width")] int Width,
    [property: JsonPropertyName("height")] int Height,
    [property: JsonPropertyName("palette")] JsonColor[] Palette,
    [property: JsonPropertyName("accent")] JsonColor? Accent,
    [property: JsonPropertyName("foreground")] JsonColor[]? Foreground,
    [property: JsonPropertyName("background")] JsonColor[]? Background,
    [property: JsonPropertyName("ms")] double Ms);

/// <summary>What <c>--resume</c> reads back from each line of an <c>--output</c> file.</summary>
internal sealed record JsonStamp(
    [property: JsonPropertyName("path")] string? Path,
    [property: JsonPropertyName("size")] long? Size,
    [property: JsonPropertyName("mtime")] string? Mtime);

/// <summary>Source-generated serializers for extract's JSON (no reflection, so the app can be trimmed and AOT-compiled).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JsonInput))]
[JsonSerializable(typeof(JsonLine))]
[JsonSerializable(typeof(JsonStamp))]
internal sealed partial class ExtractJsonContext : JsonSerializerContext;
