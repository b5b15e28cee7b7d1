using DominantColors.Extract;
using DominantColors.Tests.Samples;

namespace DominantColors.Tests.Extract;

public sealed class InputExpanderTests : IDisposable
{
    private readonly TestFolder _folder = new();

    public InputExpanderTests()
    {
        foreach (var name in (string[])["b.png", "a.JPG", "notes.txt", "sub/c.png", "sub/deeper/d.jpeg", "sub/deeper/e.mp4", "sub/f.rgb", "other/g.png"])
        {
            _folder.Write(name, [0]);
        }
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Expand_Folder_PicturesAndVideosRecursivelySorted()
    {
        var problems = new List<(string, string)>();

        var files = InputExpander.Expand([Path.Combine(_folder.Path, "sub")], raw: false, problems);

        Assert.Empty(problems);
        Assert.Equal(["sub/c.png", "sub/deeper/d.jpeg", "sub/deeper/e.mp4"], files.Select(Relative));
    }

    [Fact]
    public void Expand_FolderWithRaw_OnlyRawFiles()
    {
        var files = InputExpander.Expand([_folder.Path], raw: true, []);

        Assert.Equal(["sub/f.rgb"], files.Select(Relative));
    }

    [Fact]
    public void Expand_RecursiveGlob_MatchesAcrossFolders()
    {
        var files = InputExpander.Expand([_folder.Path + "/**/*.png"], raw: false, []);

        Assert.Equal(["b.png", "other/g.png", "sub/c.png"], files.Select(Relative));
    }

    [Fact]
    public void Expand_GlobInOneFolder_DoesNotDescend()
    {
        var files = InputExpander.Expand([_folder.Path + "/*.png"], raw: false, []);

        Assert.Equal(["b.png"], files.Select(Relative));
    }

    [Fact]
    public void Expand_GlobWithWildcardFolder_MatchesEachFolder()
    {
        var files = InputExpander.Expand([_folder.Path + "/*/c.png", _folder.Path + "/*/g.png"], raw: false, []);

        Assert.Equal(["sub/c.png", "other/g.png"], files.Select(Relative));
    }

    [Fact]
    public void Expand_ExplicitFiles_KeepTheirOrderAndAnyExtension()
    {
        var files = InputExpander.Expand(
            [_folder.Combine("notes.txt"), _folder.Combine("b.png"), _folder.Combine("a.JPG")], raw: false, []);

        Assert.Equal(["notes.txt", "b.png", "a.JPG"], files.Select(Relative));
    }

    [Fact]
    public void Expand_SameFileTwice_ReadOnce()
    {
        var files = InputExpander.Expand([_folder.Combine("b.png"), _folder.Path + "/*.png", _folder.Path], raw: false, []);

        Assert.Equal(["b.png", "a.JPG", "other/g.png", "sub/c.png", "sub/deeper/d.jpeg", "sub/deeper/e.mp4"], files.Select(Relative));
    }

    [Fact]
    public void Expand_NothingThere_ReportsEachPathAndGoesOn()
    {
        var problems = new List<(string Path, string Reason)>();
        var missing = _folder.Combine("missing.png");
        var noMatch = _folder.Path + "/*.gif";

        var files = InputExpander.Expand([missing, _folder.Combine("b.png"), noMatch], raw: false, problems);

        Assert.Equal(["b.png"], files.Select(Relative));
        Assert.Equal([(missing, "no such file or folder"), (noMatch, "no files match this pattern")], problems);
    }

    [Fact]
    public void Expand_RelativeGlob_KeepsPathsAsTyped()
    {
        var relativeFolder = Path.GetRelativePath(Environment.CurrentDirectory, _folder.Path);

        var files = InputExpander.Expand([relativeFolder + "/sub/**/*.jpeg"], raw: false, []);

        var file = Assert.Single(files);
        Assert.Equal(Path.Join(relativeFolder, "sub", "deeper", "d.jpeg"), file.Display);
        Assert.Equal(_folder.Combine("sub/deeper/d.jpeg"), file.FullPath);
    }

    private string Relative(InputFile file) => Path.GetRelativePath(_folder.Path, file.FullPath);
}
