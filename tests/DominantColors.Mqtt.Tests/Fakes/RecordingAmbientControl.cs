using System.Globalization;
using System.Threading.Channels;
using DominantColors.Mqtt.HomeAssistant;

namespace DominantColors.Mqtt.Tests.Fakes;

/// <summary>Records every control call as text (<c>enabled=True</c>, <c>brightness=0.502</c>, <c>smoothing=High</c>).</summary>
internal sealed class RecordingAmbientControl : IAmbientControl
{
    private readonly Channel<string> _calls = Channel.CreateUnbounded<string>();

    public void SetEnabled(bool enabled) => _calls.Writer.TryWrite($"enabled={enabled}");

    public void SetBrightness(double brightness) => _calls.Writer.TryWrite(string.Create(CultureInfo.InvariantCulture, $"brightness={brightness:0.###}"));

    public void SetSmoothing(SmoothingLevel level) => _calls.Writer.TryWrite($"smoothing={level}");

    public async Task<string> NextAsync() => await _calls.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
}
