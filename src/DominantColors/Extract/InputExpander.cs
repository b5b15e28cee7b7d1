using System.IO.Enumeration;
using DominantColors.Sources.Decoders;
using Microsoft.Extensions.FileSystemGlobbing;
using Microsoft.Extensions.FileSystemGlobbing.Abstractions;

namespace DominantColors.Extract;

/// <summary>
/// Turns the paths on the command line into files, in order: a file as it is, a folder as every picture or video
/// under it (recursively, sorted), and a glob (<c>*</c> within a name, <c>**</c> across folders, e.g.
/// <c>'photos/**/*.jpg'</c>) as its matches, sorted. A file reached twice is read once.
/// </summary>
internal static class InputExpander
{
    /// <summary>Extensions a folder is searched for; a file named on the command line is read whatever its name.</summary>
    public static IReadOnlySet<string> PictureExtensions { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        ".jpg", ".jpeg", ".jpe", ".jfif", ".png", ".gif", ".bmp", ".tif", ".tiff", ".webp", ".tga", ".pbm", ".pgm", ".ppm",
    };

    /// <summary>Extensions of raw RGB24 files, searched for in folders with <c>--raw</c>.</summary>
    public static IReadOnlySet<string> RawExtensions { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        ".rgb", ".raw", ".rgb24", ".bin",
    };

    /// <summary>
    /// Expands <paramref name="paths"/>. A path that names nothing (or a glob that matches nothing) goes to
    /// <paramref name="problems"/> as (path, reason), and the rest are still expanded.
    /// </summary>
    public static IReadOnlyList<InputFile> Expand(IEnumerable<string> paths, bool raw, ICollection<(string Path, string Reason)> problems)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(problems);
        var files = new List<InputFile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);

        void Add(string display)
        {
            var full = Path.GetFullPath(display);
            if (seen.Add(full))
            {
                files.Add(new InputFile(display, full));
            }
        }

        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                Add(path);
            }
            else if (Directory.Exists(path))
            {
                var found = FilesUnder(path, raw);
                if (found.Count == 0)
                {
                    problems.Add((path, raw ? "no raw files (.rgb, .raw, .rgb24, .bin) in this folder" : "no pictures or videos in this folder"));
                }

                found.ForEach(Add);
            }
            else if (IsGlob(path))
            {
                var found = Glob(path);
                if (found.Count == 0)
                {
                    problems.Add((path, "no files match this pattern"));
                }

                found.ForEach(Add);
            }
            else
            {
                problems.Add((path, "no such file or folder"));
            }
        }

        return files;
    }

    public static bool IsGlob(string path) => path.AsSpan().IndexOfAny('*', '?') >= 0;

    private static List<string> FilesUnder(string folder, bool raw)
    {
        var extensions = raw ? RawExtensions : null;
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden };

        // Symlinked folders are followed, but each real folder only once: a link back to a parent ("again -> ..")
        // would otherwise be walked until the path is too long, listing every file dozens of times.
        var visited = new HashSet<string>(StringComparer.Ordinal) { RealPath(folder) };
        var files = new FileSystemEnumerable<string>(folder, (ref entry) => entry.ToSpecifiedFullPath(), options)
        {
            ShouldIncludePredicate = (ref entry) => !entry.IsDirectory,
            ShouldRecursePredicate = (ref entry) => visited.Add(RealPath(entry.ToFullPath())),
        };
        var found = new List<string>();
        foreach (var file in files)
        {
            var extension = Path.GetExtension(file);
            var wanted = extensions is not null
                ? extensions.Contains(extension)
                : PictureExtensions.Contains(extension) || VideoFileDecoder.Extensions.Contains(extension);
            if (wanted)
            {
                found.Add(file);
            }
        }

        found.Sort(StringComparer.Ordinal);
        return found;
    }

    /// <summary>The folder a path finally leads to, following a symlink in its last part.</summary>
    private static string RealPath(string directory)
    {
        try
        {
            return Directory.ResolveLinkTarget(directory, returnFinalTarget: true)?.FullName ?? Path.GetFullPath(directory);
        }
        catch (IOException)
        {
            return Path.GetFullPath(directory);
        }
    }

    private static List<string> Glob(string pattern)
    {
        // The folder part before the first segment with a wildcard is where matching starts.
        var segments = pattern.Split('/');
        var fixedCount = 0;
        while (fixedCount < segments.Length - 1 && !IsGlob(segments[fixedCount]))
        {
            fixedCount++;
        }

        var root = string.Join('/', segments[..fixedCount]);
        if (root.Length == 0 && pattern.StartsWith('/'))
        {
            root = "/";
        }

        var relative = string.Join('/', segments[fixedCount..]);
        var rootDirectory = root.Length == 0 ? "." : root;
        if (!Directory.Exists(rootDirectory))
        {
            return [];
        }

        var matcher = new Matcher(StringComparison.Ordinal);
        matcher.AddInclude(relative);
        var result = matcher.Execute(new DirectoryInfoWrapper(new DirectoryInfo(rootDirectory)));
        var found = result.Files.Select(match => root.Length == 0 ? match.Path : Path.Join(root, match.Path)).ToList();
        found.Sort(StringComparer.Ordinal);
        return found;
    }
}
