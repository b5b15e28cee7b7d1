using DominantColors.Colors;
using DominantColors.Web.Preview;

namespace DominantColors.Tests.Web;

/// <summary>Publishes snapshots the way the pipeline does: fill the back buffer, swap it in, keep the one handed back.</summary>
internal sealed class SnapshotWriter(PreviewExchange exchange)
{
    private PreviewSnapshot _back = new();

    /// <summary>A solid <paramref name="width"/> x <paramref name="height"/> frame of <paramref name="color"/>, one zone, one light.</summary>
    public void PublishSolid(Rgb24 color, long sequence, long timestamp, int width = 64, int height = 36, string light = "tv")
    {
        var pixels = new byte[width * height * 3];
        for (var i = 0; i < pixels.Length; i += 3)
        {
            pixels[i] = color.R;
            pixels[i + 1] = color.G;
            pixels[i + 2] = color.B;
        }

        _back.SetFrame(pixels, width, height, sequence, timestamp);
        _back.Crop = new NormalizedRect(0, 0.125f, 1, 0.75f);
        _back.SetZoneCount(2);
        _back.SetZone(0, "left", new NormalizedRect(0, 0, 0.5f, 1), [color, Rgb24.Black], [0.75f, 0.25f]);
        _back.SetZone(1, "right", new NormalizedRect(0.5f, 0, 0.5f, 1), [color], [1f]);
        _back.SetLightCount(1);
        _back.SetLight(0, light, color);
        exchange.FrameAnalysed(timestamp);
        _back = exchange.Publish(_back);
    }
}
