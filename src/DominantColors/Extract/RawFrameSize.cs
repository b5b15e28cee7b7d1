using System.Globalization;

namespace DominantColors.Extract;

/// <summary>The size of the frames in raw RGB24 inputs, written <c>WIDTHxHEIGHT</c> on the command line.</summary>
internal readonly record struct RawFrameSize(int Width, int Height)
{
    public static bool TryParse(string? text, out RawFrameSize size)
    {
        size = default;
        var parts = text?.Split('x', 'X');
        if (parts is not [var w, var h]
            || !int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out var width)
            || !int.TryParse(h, NumberStyles.None, CultureInfo.InvariantCulture, out var height)
            || width < 1 || height < 1)
        {
            return false;
        }

        size = new RawFrameSize(width, height);
        return true;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Width}x{Height}");
}
