using System.Text.Json;

namespace DominantColors.Mqtt.HomeAssistant;

/// <summary>
/// Checks Home Assistant command payloads before anything acts on them. A malformed payload yields a reason and no
/// command; parsing never throws.
/// </summary>
internal static class AmbientCommandParser
{
    /// <summary>
    /// Parses a JSON-schema light command such as <c>{"state":"ON","brightness":128}</c>. <paramref name="brightness"/>
    /// is null when the command does not set it.
    /// </summary>
    public static bool TryParseLight(ReadOnlySpan<byte> payload, out bool on, out double? brightness, out string? reason)
    {
        on = false;
        brightness = null;
        reason = null;
        try
        {
            using var document = JsonDocument.Parse(payload.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                reason = "expected a JSON object";
                return false;
            }

            // ValueEquals compares the raw UTF-8: GetString would throw on a string holding invalid UTF-8.
            if (!root.TryGetProperty("state", out var state) || state.ValueKind != JsonValueKind.String
                || !(state.ValueEquals("ON") || state.ValueEquals("OFF")))
            {
                reason = "\"state\" must be \"ON\" or \"OFF\"";
                return false;
            }

            on = state.ValueEquals("ON");
            if (root.TryGetProperty("brightness", out var value))
            {
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var level) || level is < 0 or > 255)
                {
                    reason = "\"brightness\" must be a whole number 0-255";
                    return false;
                }

                brightness = level / 255.0;
            }

            return true;
        }
        catch (JsonException ex)
        {
            reason = "not JSON: " + ex.Message;
            return false;
        }
    }

    /// <summary>Parses a select command: exactly one of the smoothing option names.</summary>
    public static bool TryParseSmoothing(string payload, out SmoothingLevel level, out string? reason)
    {
        var index = HomeAssistantDiscovery.SmoothingOptions.ToList().IndexOf(payload);
        level = index >= 0 ? (SmoothingLevel)index : default;
        reason = index >= 0 ? null : $"'{Shorten(payload)}' is not one of {string.Join(", ", HomeAssistantDiscovery.SmoothingOptions)}";
        return index >= 0;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
