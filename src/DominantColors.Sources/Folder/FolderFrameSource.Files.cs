namespace DominantColors.Sources.Folder;

public sealed partial class FolderFrameSource
{
    private readonly HashSet<(string Path, FileStamp Stamp)> _failed = [];

    /// <summary>A file's size and modification time: when both hold still, the writer is done.</summary>
    private readonly record struct FileStamp(long Length, DateTime Modified)
    {
        public static FileStamp None => default;

        public static FileStamp Of(string path)
        {
            try
            {
                var info = new FileInfo(path);
                return info.Exists ? new FileStamp(info.Length, info.LastWriteTimeUtc) : None;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return None;
            }
        }
    }

    /// <summary>A file seen changing: its last stamp and since when it has held still.</summary>
    private readonly record struct Candidate(FileStamp Stamp, long Since);
}
