using System.Text.Json;

namespace DominantColors.Extract;

/// <summary>
/// The <c>--output</c> file: one JSON object per input and line (the <c>--format json</c> object plus <c>path</c>,
/// <c>size</c> and <c>mtime</c>), each written in one piece and flushed to the operating system as soon as it is made.
/// A kill can cut off only the line being written, and reopening with resume drops such a tail; a failed write
/// (a full disk) cuts the file back to its last whole line before the error goes up. So the file is always a valid
/// JSONL file of whole inputs.
/// </summary>
internal sealed class ResultLog : IDisposable
{
    private readonly Stream _stream;
    private long _good;

    /// <summary>A log appending to <paramref name="stream"/> (positioned at its end, on a line boundary).</summary>
    internal ResultLog(Stream stream)
    {
        _stream = stream;
        _good = stream.Length;
    }

    /// <summary>
    /// Opens <paramref name="path"/>: with <paramref name="resume"/> keeps its whole lines and fills
    /// <paramref name="recorded"/> with the inputs they record, otherwise starts it empty.
    /// </summary>
    public static ResultLog Open(string path, bool resume, ISet<InputStamp> recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        if (resume && File.Exists(path))
        {
            var whole = WholeLength(path);
            foreach (var line in File.ReadLines(path).Take(CountLines(path, whole)))
            {
                if (TryReadStamp(line) is { } stamp)
                {
                    recorded.Add(stamp);
                }
            }

            var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.Read);
            stream.SetLength(whole);
            stream.Seek(0, SeekOrigin.End);
            return new ResultLog(stream);
        }

        return new ResultLog(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read));
    }

    /// <summary>Appends one input and flushes it; on a write error the file is cut back to its last whole line.</summary>
    public void Append(InputOutcome outcome, InputStamp stamp)
    {
        var json = JsonResultWriter.ToJsonInput(outcome) with { Path = stamp.Path, Size = stamp.Size, Mtime = stamp.Mtime };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(json, ExtractJsonContext.Default.JsonInput);
        var line = new byte[bytes.Length + 1];
        bytes.CopyTo(line, 0);
        line[^1] = (byte)'\n';
        try
        {
            _stream.Write(line);
            _stream.Flush();
            _good += line.Length;
        }
        catch (IOException)
        {
            CutBack();
            throw;
        }
    }

    public void Dispose()
    {
        try
        {
            _stream.Dispose();
        }
        catch (IOException)
        {
            // Every whole line was flushed already; a failure to flush nothing more changes nothing.
        }
    }

    internal static InputStamp? TryReadStamp(string line)
    {
        try
        {
            var stamp = JsonSerializer.Deserialize(line, ExtractJsonContext.Default.JsonStamp);
            return stamp is { Path: { } p, Size: { } s, Mtime: { } m } ? new InputStamp(p, s, m) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private void CutBack()
    {
        try
        {
            _stream.SetLength(_good);
            _stream.Seek(_good, SeekOrigin.Begin);
        }
        catch (IOException)
        {
            // The disk refuses even that; resume drops a cut-off last line when the file is next opened.
        }
    }

    /// <summary>The length of <paramref name="path"/> up to and including its last newline.</summary>
    private static long WholeLength(string path)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[64 * 1024];
        var end = stream.Length;
        while (end > 0)
        {
            var start = Math.Max(0, end - buffer.Length);
            stream.Position = start;
            var count = (int)(end - start);
            stream.ReadExactly(buffer, 0, count);
            var newline = buffer.AsSpan(0, count).LastIndexOf((byte)'\n');
            if (newline >= 0)
            {
                return start + newline + 1;
            }

            end = start;
        }

        return 0;
    }

    private static int CountLines(string path, long length)
    {
        using var stream = File.OpenRead(path);
        var buffer = new byte[64 * 1024];
        var lines = 0;
        for (long read = 0; read < length;)
        {
            var count = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, length - read));
            lines += buffer.AsSpan(0, count).Count((byte)'\n');
            read += count;
        }

        return lines;
    }
}
