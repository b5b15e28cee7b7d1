using System.Diagnostics;
using System.Globalization;
using DominantColors.Frames;
using DominantColors.Sources.Capture;
using DominantColors.Sources.Hyperion;
using Google.FlatBuffers;
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
            var register = Register();
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

    private static byte[] Register()
    {
        var b = new FlatBufferBuilder(64);
        var origin = b.CreateString("measurement");
        b.StartTable(2);
        b.AddOffset(0, origin.Value, 0);
        b.AddInt(1, 150, 0);
        return Request(b, 4, b.EndTable());
    }

    private static byte[] Image(int width, int height, int bytesPerPixel)
    {
        var pixels = new byte[width * height * bytesPerPixel];
        new Random(width).NextBytes(pixels);
        var b = new FlatBufferBuilder(pixels.Length + 128);
        b.StartVector(1, pixels.Length, 1);
        b.Add(pixels);
        var data = b.EndVector();
        b.StartTable(3);
        b.AddOffset(0, data.Value, 0);
        b.AddInt(1, width, -1);
        b.AddInt(2, height, -1);
        var raw = b.EndTable();
        b.StartTable(3);
        b.AddByte(0, 1, 0);
        b.AddOffset(1, raw, 0);
        return Request(b, 2, b.EndTable());
    }

    private static byte[] Request(FlatBufferBuilder b, byte type, int command)
    {
        b.StartTable(2);
        b.AddByte(0, type, 0);
        b.AddOffset(1, command, 0);
        b.Finish(b.EndTable());
        return b.SizedByteArray();
    }
}
