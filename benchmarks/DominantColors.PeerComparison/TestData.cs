using System.Text.Json;

namespace DominantColors.PeerComparison;

/// <summary>The pictures and the sequence that <c>benchmarks/peers/generate.mjs</c> wrote, read from its manifest.json.</summary>
internal sealed class TestData
{
    private TestData(string directory, IReadOnlyList<RawFile> pictures, RawFile sequence, int cut)
    {
        Directory = directory;
        Pictures = pictures;
        Sequence = sequence;
        Cut = cut;
    }

    public string Directory { get; }

    public IReadOnlyList<RawFile> Pictures { get; }

    public RawFile Sequence { get; }

    /// <summary>The first frame of the second scene.</summary>
    public int Cut { get; }

    public static TestData Load(string directory)
    {
        var path = Path.Combine(directory, "manifest.json");
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = document.RootElement;
        var pictures = root.GetProperty("pictures").EnumerateArray().Select(p => Read(p, 1)).ToArray();
        var sequence = root.GetProperty("sequence");
        return new TestData(directory, pictures, Read(sequence, sequence.GetProperty("frames").GetInt32()), sequence.GetProperty("cut").GetInt32());
    }

    /// <summary>The pixels of frame <paramref name="frame"/> of <paramref name="file"/> (0 for a picture).</summary>
    public byte[] ReadFrame(RawFile file, int frame)
    {
        ArgumentNullException.ThrowIfNull(file);
        var bytes = file.Width * file.Height * 3;
        using var stream = File.OpenRead(Path.Combine(Directory, file.File));
        stream.Seek((long)frame * bytes, SeekOrigin.Begin);
        var pixels = new byte[bytes];
        stream.ReadExactly(pixels);
        return pixels;
    }

    private static RawFile Read(JsonElement element, int frames) => new(
        element.GetProperty("name").GetString()!,
        element.GetProperty("file").GetString()!,
        element.GetProperty("width").GetInt32(),
        element.GetProperty("height").GetInt32(),
        frames);
}
