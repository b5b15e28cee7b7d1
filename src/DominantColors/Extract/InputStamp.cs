using System.Globalization;

namespace DominantColors.Extract;

/// <summary>What <c>--resume</c> matches an input by: its full path, size in bytes and last modification time.</summary>
internal readonly record struct InputStamp(string Path, long Size, string Mtime)
{
    /// <summary>The stamp of the file at <paramref name="fullPath"/> now; null when it cannot be read (it is then redone).</summary>
    public static InputStamp? Of(string fullPath)
    {
        try
        {
            var info = new FileInfo(fullPath);
            return info.Exists
                ? new InputStamp(fullPath, info.Length, info.LastWriteTimeUtc.ToString("O", CultureInfo.InvariantCulture))
                : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
