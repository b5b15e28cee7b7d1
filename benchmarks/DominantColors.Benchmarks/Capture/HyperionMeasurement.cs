using System.Diagnostics;
using System.Globalization;
using DominantColors.Frames;
using DominantColors.Sources.Capture;
using DominantColors.Sources.Hyperion;
using DominantColors.Testing.Hyperion;
using Microsoft.Extensions.Logging.Abstractions;

namespace DominantColors.Benchmarks.Capture;

/// <summary>
/// CPU time per image request of the hyperion source, socket aside: verify the buffer, read it, area-average the
/// picture into a pooled 64x36 frame, publish it and build the reply. Measured from the process's CPU clock (the
/// machine is shared): 7 rounds of 200 requests, median round. Run with <c>hyperion-measure</c>.
/// </summary>
public static class HyperionMeasurement
{
    public static void Run()
    {
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, load {File.ReadAllText("/proc/loadavg").Trim()}");
        foreach (var (width, height, bytesPerPixel) in new[] { (1280, 720, 4), (1920, 1080, 3), (320, 180, 3) })
        {
            using var slot = new LatestFrameSlot();
            var table = new HyperionPriorityTable();
            var sender = new HyperionSender("127.0.0.1:1");
            table.Add(sender);
            var output = new HyperionFrameOutput(new FramePool(64, 36), slot, TimeProvider.System);
            var handler = new HyperionRequestHandler(sender, table, output, NullLogger.Instance, "hyperion");
            // The handler reads the body, after the length a client sends in front.
            var register = HyperionRequests.RegisterRequest("measurement", 150)[4..];
            handler.Handle(register, register.Length);
            var image = Image(width, height, bytesPerPixel);
            using var self = Process.GetCurrentProcess();
            var rounds = new double[7];
            long allocated = 0;
            for (var round = -1; round < rounds.Length; round++)
            {
                self.Refresh();
                var before = self.TotalProcessorTime;
                allocated = GC.GetAllocatedBytesForCurrentThread();
                for (var i = 0; i < 200; i++)
                {
                    handler.Handle(image, image.Length);
                }

                allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
                self.Refresh();
                if (round >= 0)
                {
                    rounds[round] = (self.TotalProcessorTime - before).TotalMilliseconds / 200;
                }
            }

            Array.Sort(rounds);
            var format = bytesPerPixel == 4 ? "RGBA" : "RGB24";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{format} {width}x{height} -> 64x36: CPU {rounds[3]:0.000} ms per image request (median of 7 rounds of 200; min {rounds[0]:0.000}, max {rounds[^1]:0.000}), allocated {allocated} B per 200 requests"));
        }
    }

    private static byte[] Image(int width, int height, int bytesPerPixel)
    {
        var pixels = new byte[width * height * bytesPerPixel];
        new Random(width).NextBytes(pixels);
        return HyperionRequests.RawImageRequest(pixels, width, height)[4..];
    }
}
