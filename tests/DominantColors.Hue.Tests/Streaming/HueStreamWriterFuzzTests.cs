using System.Text;
using DominantColors.Colors;
using DominantColors.Hue.Colors;
using DominantColors.Hue.Streaming;
using DominantColors.Testing.Fuzzing;
using DominantColors.Testing.Hue;
using FsCheck;
using FsCheck.Fluent;

namespace DominantColors.Hue.Tests.Streaming;

/// <summary>
/// Any area id, channel count and colors the sink could hand the writer: a frame is either built with the HueStream
/// v2 layout intact or refused up front with an argument error, and colors always land in their own 7-byte slot.
/// </summary>
public sealed class HueStreamWriterFuzzTests
{
    private static readonly ColorGamut[] Gamuts = [ColorGamut.A, ColorGamut.B, ColorGamut.C, ColorGamut.Unknown];

    [Fact]
    public void Constructor_AnyIdAndChannelCount_BuildsOrRefusesWithAnArgumentError()
    {
        var ids = Gen.Frequency(
            (2, ArbMap.Default.GeneratorFor<Guid>().Select(g => g.ToString("D"))),
            (1, ArbMap.Default.GeneratorFor<Guid>().Select(g => g.ToString("D").ToUpperInvariant())),
            (1, ArbMap.Default.GeneratorFor<string>().Where(s => s is not null)),
            (1, ArbMap.Default.GeneratorFor<Guid>().Select(g => g.ToString("B"))),
            (1, Gen.Elements("1a8d99cc-967b-44f2-9202-43f976c0fa6", "1a8d99cc-967b-44f2-9202-43f976c0fa6g", "１a8d99cc-967b-44f2-9202-43f976c0fa6b", new string('-', 36))));
        var cases = (from id in ids
                     from channels in Gen.Choose(-2, HueStreamWriter.MaxChannels + 3)
                     from space in Gen.Elements(HueStreamColorSpace.Rgb, HueStreamColorSpace.XyBrightness)
                     select (id, channels, space)).ToArbitrary();

        FuzzRun.Check(Prop.ForAll(cases, c =>
        {
            var valid = c.id.Length == 36 && Guid.TryParseExact(c.id, "D", out _) && c.channels is >= 1 and <= HueStreamWriter.MaxChannels;
            HueStreamWriter writer;
            try
            {
                writer = new HueStreamWriter(c.id, c.space, c.channels);
            }
            catch (ArgumentException ex)
            {
                Assert.False(valid, ex.Message);
                return;
            }

            Assert.True(valid);
            var frame = writer.NextFrame();
            Assert.Equal(HueStreamWriter.HeaderLength + (c.channels * HueStreamWriter.ChannelLength), frame.Length);
            Assert.True(HueStreamFrame.TryDecode(frame, out var decoded));
            Assert.Equal(c.id.ToLowerInvariant(), decoded!.ConfigurationId);
            Assert.Equal((byte)c.space, decoded.ColorSpace);
            Assert.Equal(c.channels, decoded.Channels.Count);
        }), runs: 500);
    }

    [Fact]
    public void NextFrame_AnyColorsInAnyOrder_EachSlotHoldsItsLastColorAndTheHeaderStays()
    {
        var writes = from index in Gen.Choose(0, HueStreamWriter.MaxChannels - 1)
                     from id in Gen.Choose(0, 255)
                     from r in Gen.Choose(0, 255)
                     from g in Gen.Choose(0, 255)
                     from b in Gen.Choose(0, 255)
                     from gamut in Gen.Elements(Gamuts)
                     select (index, (byte)id, new Rgb24((byte)r, (byte)g, (byte)b), gamut);
        var cases = (from channels in Gen.Choose(1, HueStreamWriter.MaxChannels)
                     from space in Gen.Elements(HueStreamColorSpace.Rgb, HueStreamColorSpace.XyBrightness)
                     from primaries in Gen.Elements(RgbPrimaries.Srgb, RgbPrimaries.HueWide)
                     from frames in Gen.Choose(1, 300)
                     from list in Gen.Choose(0, 40).SelectMany(n => Gen.ListOf(writes, n))
                     select (channels, space, primaries, frames, list)).ToArbitrary();
        const string AreaId = "1a8d99cc-967b-44f2-9202-43f976c0fa6b";

        FuzzRun.Check(Prop.ForAll(cases, c =>
        {
            var writer = new HueStreamWriter(AreaId, c.space, c.channels);
            var converter = new XyColorConverter(c.primaries);
            var expected = new HueStreamFrame.Channel[c.channels];
            Array.Fill(expected, new HueStreamFrame.Channel(0, 0, 0, 0));
            foreach (var (index, id, color, gamut) in c.list.Where(w => w.index < c.channels))
            {
                if (c.space == HueStreamColorSpace.Rgb)
                {
                    writer.SetRgb(index, id, color);
                    expected[index] = new HueStreamFrame.Channel(id, (ushort)(color.R * 257), (ushort)(color.G * 257), (ushort)(color.B * 257));
                }
                else
                {
                    var xy = converter.Convert(color, gamut);
                    Assert.InRange(xy.Xy.X, 0, 1);
                    Assert.InRange(xy.Xy.Y, 0, 1);
                    Assert.InRange(xy.Brightness, 0, 1);
                    writer.SetXyBrightness(index, id, xy);
                    expected[index] = new HueStreamFrame.Channel(id, Scale(xy.Xy.X), Scale(xy.Xy.Y), Scale(xy.Brightness));
                }
            }

            foreach (var (index, _, _, _) in c.list.Where(w => w.index >= c.channels))
            {
                Assert.Throws<ArgumentOutOfRangeException>(() => writer.SetRgb(index, 0, default));
            }

            HueStreamFrame? decoded = null;
            for (var i = 0; i < c.frames; i++)
            {
                Assert.True(HueStreamFrame.TryDecode(writer.NextFrame(), out decoded));
            }

            Assert.Equal((byte)(c.frames - 1), decoded!.Sequence);
            Assert.Equal("HueStream"u8.ToArray(), writer.NextFrame()[..9].ToArray());
            Assert.Equal(AreaId, Encoding.ASCII.GetString(writer.NextFrame().Slice(16, 36)));
            Assert.Equal(expected, decoded.Channels);
        }), runs: 300);
    }

    [Theory]
    [InlineData(double.NaN, 0)]
    [InlineData(double.NegativeInfinity, 0)]
    [InlineData(-0.5, 0)]
    [InlineData(1.5, ushort.MaxValue)]
    [InlineData(double.PositiveInfinity, ushort.MaxValue)]
    public void SetXyBrightness_OutOfRangeValues_AreClampedIntoTheSlot(double value, int expected)
    {
        var writer = new HueStreamWriter("1a8d99cc-967b-44f2-9202-43f976c0fa6b", HueStreamColorSpace.XyBrightness, 1);

        writer.SetXyBrightness(0, 9, new XyBrightness(new CieXy(value, value), value));

        Assert.True(HueStreamFrame.TryDecode(writer.NextFrame(), out var decoded));
        Assert.Equal(new HueStreamFrame.Channel(9, (ushort)expected, (ushort)expected, (ushort)expected), decoded!.Channels[0]);
    }

    private static ushort Scale(double value) => (ushort)Math.Round(value * ushort.MaxValue);
}
