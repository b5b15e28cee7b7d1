using DominantColors.Colors;
using DominantColors.Frames;
using DominantColors.Regions;
using DominantColors.Testing;

namespace DominantColors.Core.Tests.Regions;

public sealed class BorderDetectorTests
{
    // Timestamps in milliseconds keep the arithmetic readable.
    private const long Frequency = 1000;
    private const long FrameMs = 33;

    private static readonly PixelRect Whole = PixelRect.Whole(GeneratedFrames.Width, GeneratedFrames.Height);

    [Fact]
    public void Detect_LetterboxHeldLongerThanHoldTime_CropsToPicture()
    {
        var detector = new BorderDetector(new BorderDetectorSettings(), Frequency);
        using var frame = GeneratedFrames.Picture(GeneratedFrames.Letterbox);

        var crop = Feed(detector, frame, fromMs: 0, toMs: 2000);

        Assert.Equal(GeneratedFrames.Letterbox, crop);
    }

    [Fact]
    public void Detect_LetterboxShorterThanHoldTime_KeepsWholeFrame()
    {
        var detector = new BorderDetector(new BorderDetectorSettings { HoldTime = TimeSpan.FromSeconds(1.5) }, Frequency);
        using var frame = GeneratedFrames.Picture(GeneratedFrames.Letterbox);

        var crop = Feed(detector, frame, fromMs: 0, toMs: 1400);

        Assert.Equal(Whole, crop);
    }

    [Fact]
    public void Detect_Pillarbox_CropsToPicture()
    {
        var detector = new BorderDetector(new BorderDetectorSettings(), Frequency);
        using var frame = GeneratedFrames.Picture(GeneratedFrames.Pillarbox);

        var crop = Feed(detector, frame, fromMs: 0, toMs: 2000);

        Assert.Equal(GeneratedFrames.Pillarbox, crop);
    }

    [Fact]
    public void Detect_LetterboxAndPillarbox_CropsBothWays()
    {
        var detector = new BorderDetector(new BorderDetectorSettings(), Frequency);
        var windowbox = new PixelRect(8, 5, 48, 27);
        using var frame = GeneratedFrames.Picture(windowbox);

        var crop = Feed(detector, frame, fromMs: 0, toMs: 2000);

        Assert.Equal(windowbox, crop);
    }

    [Fact]
    public void Detect_NoBorder_ReturnsWholeFrame()
    {
        var detector = new BorderDetector(new BorderDetectorSettings(), Frequency);
        using var frame = GeneratedFrames.Picture(Whole);

        var crop = Feed(detector, frame, fromMs: 0, toMs: 2000);

        Assert.Equal(Whole, crop);
    }

    [Fact]
    public void Detect_AllBlackFromStart_ReturnsWholeFrame()
    {
        var detector = new BorderDetector(new BorderDetectorSettings(), Frequency);
        using var frame = GeneratedFrames.Picture(default);

        var crop = Feed(detector, frame, fromMs: 0, toMs: 3000);

        Assert.Equal(Whole, crop);
    }

    [Fact]
    public void Detect_AllBlackAfterLetterbox_KeepsLetterboxCrop()
    {
        var detector = new BorderDetector(new BorderDetectorSettings(), Frequency);
        using var film = GeneratedFrames.Picture(GeneratedFrames.Letterbox);
        using var black = GeneratedFrames.Picture(default);
        Feed(detector, film, fromMs: 0, toMs: 2000);

        var crop = Feed(detector, black, fromMs: 2000, toMs: 6000);

        Assert.Equal(GeneratedFrames.Letterbox, crop);
    }

    [Fact]
    public void Detect_SubtitlesInBottomBar_KeepLetterboxCrop()
    {
        var detector = new BorderDetector(new BorderDetectorSettings(), Frequency);
        using var frame = GeneratedFrames.Picture(GeneratedFrames.Letterbox);
        GeneratedFrames.Subtitles(frame, firstRow: 33, fromX: 10, toX: 54);

        var crop = Feed(detector, frame, fromMs: 0, toMs: 2000);

        Assert.Equal(GeneratedFrames.Letterbox, crop);
    }

    [Fact]
    public void Detect_SubtitlesAppearAfterLetterbox_DoNotMoveCrop()
    {
        var detector = new BorderDetector(new BorderDetectorSettings(), Frequency);
        using var film = GeneratedFrames.Picture(GeneratedFrames.Letterbox);
        using var subtitled = GeneratedFrames.Picture(GeneratedFrames.Letterbox);
        GeneratedFrames.Fill(subtitled, new PixelRect(8, 33, 48, 2), new Rgb24(255, 255, 255));
        Feed(detector, film, fromMs: 0, toMs: 2000);

        var crop = Feed(detector, subtitled, fromMs: 2000, toMs: 6000);

        Assert.Equal(GeneratedFrames.Letterbox, crop);
    }

    [Fact]
    public void Detect_BriefDarkScene_KeepsCropThenFollowsWhenItPersists()
    {
        var detector = new BorderDetector(new BorderDetectorSettings(), Frequency);
        using var full = GeneratedFrames.Picture(Whole);
        var lit = new PixelRect(0, 7, GeneratedFrames.Width, 22);
        using var night = GeneratedFrames.Picture(lit);
        Feed(detector, full, fromMs: 0, toMs: 1000);

        var duringScene = Feed(detector, night, fromMs: 1000, toMs: 2000);
        var afterLongScene = Feed(detector, night, fromMs: 2000, toMs: 4000);

        Assert.Equal(Whole, duringScene);
        Assert.Equal(lit, afterLongScene);
    }

    [Fact]
    public void Detect_BarsChangeSizeByOnePixel_KeepsCrop()
    {
        var detector = new BorderDetector(new BorderDetectorSettings(), Frequency);
        using var film = GeneratedFrames.Picture(GeneratedFrames.Letterbox);
        using var shifted = GeneratedFrames.Picture(new PixelRect(0, 4, GeneratedFrames.Width, 28));
        Feed(detector, film, fromMs: 0, toMs: 2000);

        var crop = Feed(detector, shifted, fromMs: 2000, toMs: 6000);

        Assert.Equal(GeneratedFrames.Letterbox, crop);
    }

    [Fact]
    public void Detect_HalfOfFrameDark_IsNotTakenForABar()
    {
        var detector = new BorderDetector(new BorderDetectorSettings(), Frequency);
        using var frame = GeneratedFrames.Picture(new PixelRect(0, 0, GeneratedFrames.Width, 18));

        var crop = Feed(detector, frame, fromMs: 0, toMs: 4000);

        Assert.Equal(Whole, crop);
    }

    [Fact]
    public void Detect_DarkGreyBarsUnderThreshold_CountAsBlack()
    {
        var detector = new BorderDetector(new BorderDetectorSettings { DarknessThreshold = 0.1f }, Frequency);
        using var frame = GeneratedFrames.Picture(GeneratedFrames.Letterbox);
        GeneratedFrames.Fill(frame, new PixelRect(0, 0, GeneratedFrames.Width, 5), new Rgb24(16, 16, 16));

        var crop = Feed(detector, frame, fromMs: 0, toMs: 2000);

        Assert.Equal(GeneratedFrames.Letterbox, crop);
    }

    [Fact]
    public void Detect_SlowSourcePastHoldTime_WaitsForHoldFrames()
    {
        var detector = new BorderDetector(new BorderDetectorSettings { HoldTime = TimeSpan.FromSeconds(1), HoldFrames = 3 }, Frequency);
        using var frame = GeneratedFrames.Picture(GeneratedFrames.Letterbox);

        detector.Detect(frame, 0);
        var second = detector.Detect(frame, 5000);
        var third = detector.Detect(frame, 10_000);

        Assert.Equal(Whole, second);
        Assert.Equal(GeneratedFrames.Letterbox, third);
    }

    [Fact]
    public void Update_HigherDarknessThreshold_TreatsGreyBarsAsBars()
    {
        var detector = new BorderDetector(new BorderDetectorSettings { DarknessThreshold = 0.1f }, Frequency);
        using var frame = GeneratedFrames.Picture(GeneratedFrames.Letterbox);
        GeneratedFrames.Fill(frame, new PixelRect(0, 0, GeneratedFrames.Width, 5), new Rgb24(40, 40, 40));
        GeneratedFrames.Fill(frame, new PixelRect(0, 32, GeneratedFrames.Width, 4), new Rgb24(40, 40, 40));
        var before = Feed(detector, frame, fromMs: 0, toMs: 2000);

        detector.Update(new BorderDetectorSettings { DarknessThreshold = 0.2f });
        var after = Feed(detector, frame, fromMs: 2000, toMs: 4000);

        Assert.Equal(Whole, before);
        Assert.Equal(GeneratedFrames.Letterbox, after);
    }

    [Fact]
    public void Detect_SteadyState_AllocatesNothing()
    {
        var detector = new BorderDetector(new BorderDetectorSettings(), Frequency);
        using var frame = GeneratedFrames.Picture(GeneratedFrames.Letterbox);
        Feed(detector, frame, fromMs: 0, toMs: 2000);

        Assert.Equal(0, SteadyStateAllocation.LeastPerRound(i => detector.Detect(frame, 2000 + (i * FrameMs))));
    }

    [Fact]
    public void Constructor_ThresholdOutOfRange_ThrowsNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => new BorderDetector(new BorderDetectorSettings { DarknessThreshold = 1.5f }, Frequency));

        Assert.Contains("DarknessThreshold", error.Message, StringComparison.Ordinal);
    }

    private static PixelRect Feed(BorderDetector detector, Frame frame, long fromMs, long toMs)
    {
        var crop = detector.Current;
        for (var t = fromMs; t <= toMs; t += FrameMs)
        {
            crop = detector.Detect(frame, t);
        }

        return crop;
    }
}
