using System.Text.Json.Serialization;

namespace DominantColors.Web.Api;

/// <summary>Source-generated JSON for the web API: no reflection, trimming- and AOT-safe.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(StatusDocument))]
[JsonSerializable(typeof(AmbientRequest))]
[JsonSerializable(typeof(BrightnessRequest))]
[JsonSerializable(typeof(SmoothingRequest))]
[JsonSerializable(typeof(ProblemDocument))]
[JsonSerializable(typeof(SettingsDocument))]
internal sealed partial class WebJsonContext : JsonSerializerContext;
