using System.Text;

namespace DominantColors.Mqtt.Presets;

/// <summary>
/// ESPHome's object id of an entity name, as its MQTT topics use it: <c>str_sanitize(str_snake_case(name))</c> from
/// esphome/esphome <c>esphome/core/helpers.h</c>. Byte by byte over the UTF-8 name: a space becomes <c>_</c>, ASCII
/// capitals become lower case, and any byte that is not <c>a-z A-Z 0-9 - _</c> becomes <c>_</c> (so "TV Backlight"
/// is <c>tv_backlight</c> and "Küche" is <c>k__che</c>).
/// </summary>
internal static class EsphomeObjectId
{
    public static string From(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var bytes = Encoding.UTF8.GetBytes(name);
        for (var i = 0; i < bytes.Length; i++)
        {
            var c = bytes[i] == (byte)' ' ? (byte)'_' : bytes[i] is >= (byte)'A' and <= (byte)'Z' ? (byte)(bytes[i] + 32) : bytes[i];
            bytes[i] = c is (byte)'-' or (byte)'_' or >= (byte)'0' and <= (byte)'9' or >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z'
                ? c
                : (byte)'_';
        }

        return Encoding.ASCII.GetString(bytes);
    }
}
