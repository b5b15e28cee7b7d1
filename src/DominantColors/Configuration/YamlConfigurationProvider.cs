using Microsoft.Extensions.Configuration;

namespace DominantColors.Configuration;

/// <summary>Loads <see cref="YamlConfigurationSource"/>; keeps the line of every key for error messages.</summary>
internal sealed class YamlConfigurationProvider : FileConfigurationProvider
{
    private readonly YamlConfigurationSource _source;

    public YamlConfigurationProvider(YamlConfigurationSource source)
        : base(source) => _source = source;

    /// <summary>Where each key is in the file.</summary>
    public ConfigLineMap Lines { get; private set; } = ConfigLineMap.Empty;

    /// <summary>The file name shown in errors about the file as a whole.</summary>
    public string FileName => _source.Path ?? "config";

    public override void Load()
    {
        if (_source.Text is { } text)
        {
            using var reader = new StringReader(text);
            Parse(reader);
        }
        else
        {
            base.Load();
        }
    }

    public override void Load(Stream stream)
    {
        using var reader = new StreamReader(stream);
        Parse(reader);
    }

    private void Parse(TextReader reader)
    {
        var (data, lines) = YamlConfigParser.Parse(reader, FileName);
        Data = data;
        Lines = lines;
    }
}
