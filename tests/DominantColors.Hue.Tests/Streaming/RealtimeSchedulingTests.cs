using DominantColors.Hue.Streaming.Native;

namespace DominantColors.Hue.Tests.Streaming;

public sealed class RealtimeSchedulingTests
{
    [Fact]
    public void TryMakeCurrentThreadRealtime_OnItsOwnThread_ReportsThePolicyTheKernelShows()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.False(RealtimeScheduling.TryMakeCurrentThreadRealtime(10));
            return;
        }

        var made = false;
        int policy = -1;
        var thread = new Thread(() =>
        {
            made = RealtimeScheduling.TryMakeCurrentThreadRealtime(10);
            // Field 41 of /proc/thread-self/stat is the scheduling policy (0 normal, 1 FIFO); fields resume after "(comm)".
            var stat = File.ReadAllText("/proc/thread-self/stat");
            policy = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[41 - 3], System.Globalization.CultureInfo.InvariantCulture);
        });
        thread.Start();
        thread.Join();

        Assert.Equal(made ? 1 : 0, policy);
    }
}
