namespace DominantColors.Testing.Daemon;

/// <summary>Options of the <c>type: test</c> output.</summary>
internal sealed class TestSinkOptions
{
    public List<string> Lights { get; set; } = [];

    /// <summary>record or throw.</summary>
    public string Mode { get; set; } = "record";

    public string Name { get; set; } = "test";
}
