using System.Collections.Concurrent;
using DominantColors.Sources.V4l2;

namespace DominantColors.Sources.Tests.Fakes;

/// <summary>Opens devices in a scripted order: "missing" (ENOENT) for a while, then the fakes it was given.</summary>
internal sealed class FakeV4l2DeviceOpener
{
    private readonly ConcurrentQueue<FakeV4l2Device?> _next = new();
    private int _opens;

    public int Opens => Volatile.Read(ref _opens);

    public FakeV4l2DeviceOpener Missing(int times)
    {
        for (var i = 0; i < times; i++)
        {
            _next.Enqueue(null);
        }

        return this;
    }

    public FakeV4l2DeviceOpener Then(FakeV4l2Device device)
    {
        _next.Enqueue(device);
        return this;
    }

    public IV4l2Device Open(string path)
    {
        Interlocked.Increment(ref _opens);
        return _next.TryDequeue(out var device) && device is not null ? device : throw new V4l2Exception("open", path, 2);
    }
}
