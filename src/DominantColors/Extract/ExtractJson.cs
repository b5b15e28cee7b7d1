using System.Text.Json.Serialization;

namespace DominantColors.Extract;

/// <summary>A palette color in JSON: <c>{"hex": "#rrggbb", "rgb": [r, g, b], "weight": 0.42}</c>.</summary>
internal sealed record JsonColor(
    [property: JsonPropertyName("hex")] string Hex,
    [property: JsonPropertyName("rgb")] int[] Rgb,
    [property: JsonPropertyName("weight")] double Weight);

/// <summary>One input in <c>--format json</c>; a video also lists its frames.</summary>
internal sealed record JsonInput(
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("width")] int Width,
    [property: JsonPropertyName("height")] int Height,
    [property: JsonPropertyName("palette")] JsonColor[] Palette,
    [property: JsonPropertyName("ms")] double Ms,
    [property: JsonPropertyName("frames")] JsonFrame[]? Frames = null);

/// <summary>One frame of a video inside its <see cref="JsonInput"/>.</summary>
internal sealed record JsonFrame(
    [property: JsonPropertyName("frame")] long Frame,
    [property: JsonPropertyName("pts")] double? Pts,
    [property: JsonPropertyName("palette")] JsonColor[] Palette,
    [property: JsonPropertyName("ms")] double Ms);

/// <summary>One line of <c>--format jsonl</c>: a picture, or one frame of a video (with <c>frame</c> and <c>pts</c>).</summary>
internal sealed record JsonLine(
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("frame")] long? Frame,
    [property: JsonPropertyName("pts")] double? Pts,
    [property: JsonPropertyName("width")] int Width,
    [property: JsonPropertyName("height")] int Height,
    [property: JsonPropertyName("palette")] JsonColor[] Palette,
    [property: JsonPropertyName("ms")] double Ms);

/// <summary>Source-generated serializers for extract's JSON (no reflection, so the app can be trimmed and AOT-compiled).</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JsonInput))]
[JsonSerializable(typeof(JsonLine))]
internal sealed partial class ExtractJsonContext : JsonSerializerContext;
