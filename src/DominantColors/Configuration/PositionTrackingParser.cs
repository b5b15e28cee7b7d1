using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace DominantColors.Configuration;

/// <summary>
/// A YAML parser that remembers where the last event it read began, so an error the reader does not report as a
/// <see cref="YamlException"/> (YamlDotNet throws <see cref="InvalidOperationException"/> on some unclosed
/// <c>[</c> or <c>{</c>) can still point at a line.
/// </summary>
internal sealed class PositionTrackingParser : IParser
{
    private readonly Parser _inner;

    public PositionTrackingParser(TextReader reader) => _inner = new Parser(reader);

    public ParsingEvent? Current => _inner.Current;

    /// <summary>The 1-based line of the last event read; 1 before the first.</summary>
    public int LastLine { get; private set; } = 1;

    public bool MoveNext()
    {
        var moved = _inner.MoveNext();
        if (_inner.Current is { } current)
        {
            LastLine = (int)current.Start.Line;
        }

        return moved;
    }
}
