using System.ComponentModel.DataAnnotations;

namespace DominantColors.Sources.Hosting;

/// <summary><c>source:</c> with <c>type: folder</c>: images dropped into a directory.</summary>
internal sealed class FolderSourceOptions : IValidatableObject
{
    [Required]
    public string Path { get; set; } = string.Empty;

    /// <summary>A file must hold still this long before it is read.</summary>
    [Range(10, 60000)]
    public int DebounceMs { get; set; } = 500;

    /// <summary>Full listing of the folder every this many seconds, besides the watcher.</summary>
    [Range(1, 3600)]
    public int RescanSeconds { get; set; } = 10;

    /// <summary>Replay the images in name order, each this many seconds, while nothing new comes (0 = off).</summary>
    [Range(0, 86400)]
    public double SlideshowSeconds { get; set; }

    /// <summary>The folder must be absolute: the service's working directory is not the user's.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Path.Length > 0 && !System.IO.Path.IsPathRooted(Path))
        {
            yield return new ValidationResult($"must be an absolute path, got '{Path}'", [nameof(Path)]);
        }
    }
}
