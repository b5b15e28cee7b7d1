using System.CommandLine;
using System.Globalization;
using DominantColors.Sources.V4l2;

namespace DominantColors.Cli;

/// <summary><c>dominant-colors devices</c>: the V4L2 capture devices and what each can deliver.</summary>
internal static class DevicesCommand
{
    public static Command Create() => Create(new V4l2DeviceCatalog());

    internal static Command Create(V4l2DeviceCatalog catalog)
    {
        var command = new Command("devices", "List the V4L2 capture devices (/dev/video*) with their pixel formats, frame sizes and frame rates.");
        command.SetAction(parseResult =>
        {
            var devices = catalog.List(out var problems);
            foreach (var problem in problems)
            {
                parseResult.InvocationConfiguration.Error.WriteLine($"warning: {problem}");
            }

            Write(devices, parseResult.InvocationConfiguration.Output);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>One block per device: the node and card, then each format with its sizes and rates.</summary>
    internal static void Write(IReadOnlyList<V4l2DeviceInfo> devices, TextWriter output)
    {
        if (devices.Count == 0)
        {
            output.WriteLine("No V4L2 capture devices found: no /dev/video* node captures video. Plug in the grabber (it may take a few seconds to appear), or use source type: ffmpeg for files and network streams.");
            return;
        }

        foreach (var device in devices)
        {
            output.WriteLine($"{device.Path}  {device.Card} ({device.Driver}, {device.BusInfo})");
            foreach (var format in device.Formats)
            {
                var how = format.FourCc is "YUYV" or "UYVY" or "NV12"
                    ? "type: v4l2"
                    : format.FourCc is "MJPG" or "JPEG" ? "type: ffmpeg, inputFormat: mjpeg" : "type: ffmpeg";
                output.WriteLine($"  {format.FourCc,-4}  {format.Description}  [{how}]");
                foreach (var size in format.Sizes)
                {
                    var rates = size.FrameRates.Count == 0
                        ? "rate not reported"
                        : string.Join(", ", size.FrameRates.Select(r => r.ToString("0.##", CultureInfo.InvariantCulture))) + " fps";
                    output.WriteLine($"        {size.Width}x{size.Height}  {rates}");
                }
            }
        }
    }
}
