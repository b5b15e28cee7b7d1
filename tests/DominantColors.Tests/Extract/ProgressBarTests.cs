using DominantColors.Extract;
using Microsoft.Extensions.Time.Testing;

namespace DominantColors.Tests.Extract;

public sealed class ProgressBarTests : IDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly StringWriter _error = new();

    public void Dispose() => _error.Dispose();

    [Fact]
    public void Advance_Enabled_DrawsCountAndName()
    {
        var bar = new ProgressBar(_error, _time, total: 4, enabled: true);

        bar.Advance("/photos/one.jpg");

        Assert.Contains("] 1/4 0.0/s one.jpg", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Advance_Quickly_RedrawsAtMostTenTimesASecondButAlwaysAtTheEnd()
    {
        var bar = new ProgressBar(_error, _time, total: 3, enabled: true);

        bar.Advance("a");
        bar.Advance("b");
        _time.Advance(TimeSpan.FromMilliseconds(10));
        bar.Advance("c");

        var text = _error.ToString();
        Assert.Contains("1/3 0.0/s a", text, StringComparison.Ordinal);
        Assert.DoesNotContain("2/3", text, StringComparison.Ordinal);
        Assert.Contains("3/3 300.0/s c", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Advance_AfterTwoSeconds_ShowsInputsPerSecondSinceTheStart()
    {
        var bar = new ProgressBar(_error, _time, total: 10, enabled: true);

        _time.Advance(TimeSpan.FromSeconds(0.5));
        bar.Advance("a");
        _time.Advance(TimeSpan.FromSeconds(1.5));
        bar.Advance("b");

        Assert.Contains("1/10 2.0/s a", _error.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("2/10 1.0/s b", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void WriteLine_WhileDrawn_ClearsTheBarFirst()
    {
        var bar = new ProgressBar(_error, _time, total: 2, enabled: true);
        bar.Advance("a");

        bar.WriteLine("a: broken");

        Assert.EndsWith("\r\e[2Ka: broken" + Environment.NewLine, _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Advance_Disabled_WritesNothingButMessages()
    {
        var bar = new ProgressBar(_error, _time, total: 2, enabled: false);

        bar.Advance("a");
        bar.WriteLine("b: broken");
        bar.Advance("b");
        bar.Clear();

        Assert.Equal("b: broken" + Environment.NewLine, _error.ToString());
        Assert.Equal(2, bar.Done);
    }
}
