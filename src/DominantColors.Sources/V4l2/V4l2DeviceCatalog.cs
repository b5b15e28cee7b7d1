using System.Globalization;

namespace DominantColors.Sources.V4l2;

/// <summary>
/// Finds the V4L2 capture devices (<c>/dev/video*</c> nodes that capture with streaming I/O; metadata and
/// output nodes are left out) and what each offers, through the same device seam the source uses.
/// </summary>
public sealed class V4l2DeviceCatalog
{
    private readonly string _directory;
    private readonly Func<string, IV4l2Device> _open;

    public V4l2DeviceCatalog()
        : this("/dev", V4l2Device.Open)
    {
    }

    internal V4l2DeviceCatalog(string directory, Func<string, IV4l2Device> open)
    {
        _directory = directory;
        _open = open;
    }

    /// <summary>The capture devices, by number; devices that cannot be opened are reported in <paramref name="problems"/>.</summary>
    public IReadOnlyList<V4l2DeviceInfo> List(out IReadOnlyList<string> problems)
    {
        var devices = new List<V4l2DeviceInfo>();
        var errors = new List<string>();
        var paths = Directory.Exists(_directory) ? Directory.GetFiles(_directory, "video*") : [];
        foreach (var path in paths.OrderBy(NodeNumber).ThenBy(p => p, StringComparer.Ordinal))
        {
            try
            {
                using var device = _open(path);
                var capabilities = device.QueryCapabilities();
                if (!capabilities.CanCapture || !capabilities.CanStream)
                {
                    continue;
                }

                var formats = device.EnumerateFormats()
                    .Select(f => new V4l2FormatInfo(f.FourCc.Trim(), f.Description, f.Compressed, Sizes(device, f.PixelFormat)))
                    .ToList();
                devices.Add(new V4l2DeviceInfo(path, capabilities.Card, capabilities.Driver, capabilities.BusInfo, formats));
            }
            catch (Exception ex) when (ex is V4l2Exception or PlatformNotSupportedException)
            {
                errors.Add($"{path}: {ex.Message}");
            }
        }

        problems = errors;
        return devices;
    }

    private static List<V4l2SizeInfo> Sizes(IV4l2Device device, uint pixelFormat) =>
        [.. device.EnumerateFrameSizes(pixelFormat).Select(s => new V4l2SizeInfo(s.Width, s.Height, device.EnumerateFrameRates(pixelFormat, s.Width, s.Height)))];

    private static int NodeNumber(string path)
    {
        var name = Path.GetFileName(path);
        return int.TryParse(name.AsSpan("video".Length), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : int.MaxValue;
    }
}
