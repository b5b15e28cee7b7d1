namespace DominantColors.Sources;

/// <summary>
/// An input file that cannot be turned into pixels: empty, truncated, corrupt, not a picture, or larger than the
/// pixel guard allows. The message is the reason alone, written for a person; the caller names the file.
/// </summary>
public sealed class UnreadableInputException : Exception
{
    public UnreadableInputException()
    {
    }

    public UnreadableInputException(string message)
        : base(message)
    {
    }

    public UnreadableInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The reason for a picture whose header asks for more pixels than <paramref name="maxPixels"/>.</summary>
    public static UnreadableInputException TooManyPixels(long width, long height, long maxPixels) =>
        new($"{width}x{height} is {width * height:N0} pixels, over the limit of {maxPixels:N0} (--max-pixels)");
}
