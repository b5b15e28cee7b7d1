using DominantColors.Sources.Hyperion;
using Microsoft.Extensions.Time.Testing;

namespace DominantColors.Sources.Tests.Hyperion;

public sealed class HyperionPriorityTableTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly HyperionPriorityTable _table = new();

    [Fact]
    public void Winner_RegisteredWithoutInput_IsNobody()
    {
        var sender = Add("a", 100);

        Assert.Null(_table.Winner(_time.GetTimestamp()));
        Assert.True(_table.Input(sender, -1, _time.GetTimestamp(), _time));
        Assert.Same(sender, _table.Winner(_time.GetTimestamp()));
    }

    [Fact]
    public void Input_WithDuration_StandsOnlyThatLong()
    {
        var low = Add("low", 190);
        var high = Add("high", 110);
        _table.Input(low, -1, _time.GetTimestamp(), _time);
        _table.Input(high, 500, _time.GetTimestamp(), _time);

        Assert.Same(high, _table.Winner(_time.GetTimestamp()));
        _time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Same(low, _table.Winner(_time.GetTimestamp()));
    }

    [Fact]
    public void Clear_MinusOne_ClearsEveryInput()
    {
        var a = Add("a", 150);
        var b = Add("b", 160);
        _table.Input(a, -1, _time.GetTimestamp(), _time);
        _table.Input(b, -1, _time.GetTimestamp(), _time);

        _table.Clear(-1);

        Assert.Null(_table.Winner(_time.GetTimestamp()));
    }

    [Fact]
    public void Remove_Winner_HandsOverToTheNext()
    {
        var a = Add("a", 150);
        var b = Add("b", 120);
        _table.Input(a, -1, _time.GetTimestamp(), _time);
        _table.Input(b, -1, _time.GetTimestamp(), _time);

        _table.Remove(b);

        Assert.Same(a, _table.Winner(_time.GetTimestamp()));
    }

    private HyperionSender Add(string name, int priority)
    {
        var sender = new HyperionSender(name);
        _table.Add(sender);
        _table.Register(sender, priority, name);
        return sender;
    }
}
