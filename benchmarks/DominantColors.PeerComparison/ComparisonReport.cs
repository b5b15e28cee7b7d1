using System.Text;
using DominantColors.Colors;
using DominantColors.Frames;
using DominantColors.Palettes;

namespace DominantColors.PeerComparison;

/// <summary>
/// Scores every tool's palettes on the same pixels and writes the Markdown tables: palette error per picture
/// (<see cref="PaletteQuality.MeanSquaredError"/> over every pixel), time per picture, and, for the sequence,
/// error, frame-to-frame movement of matched colors outside the scene cut, and time per frame.
/// </summary>
internal sealed class ComparisonReport
{
    private const string OursLabel =
        "dominant-colors extract: weighted k-means in OKLab on a 5-bit histogram of at most 16 384 sampled pixels " +
        "(defaults: 1 restart, seed 0); pictures cold, the sequence warm-started frame to frame by the tracker";

    private const string ColdLabel = "the same engine cold-started on every frame (PaletteExtractor, no tracker)";

    private readonly TestData _data;
    private readonly Dictionary<(string Tool, string File, int K, int? Frame), ToolPalette> _palettes;
    private readonly List<(string Name, string Label)> _tools;
    private readonly int[] _ks;
    private readonly Dictionary<(string File, int Frame), byte[]> _pixels = [];

    public ComparisonReport(TestData data, IEnumerable<ToolPalette> palettes, List<(string Name, string Label)> peers, int[] ks)
    {
        _data = data;
        _palettes = palettes.ToDictionary(p => (p.Tool, p.File, p.K, p.Frame));
        _tools = [(ResultReader.Ours, OursLabel), .. peers];
        _ks = ks;
    }

    public string Write(string runtimeNote)
    {
        var text = new StringBuilder();
        Line(text, $"Tools ({runtimeNote}; pixels fed directly, no decoding):");
        Line(text, "");
        foreach (var (name, label) in _tools.Take(1).Append((ColdBaseline.Name, ColdLabel)).Concat(_tools.Skip(1)))
        {
            Line(text, $"- `{name}`: {label}");
        }

        WritePictureErrors(text);
        WritePictureTimes(text);
        WriteSequence(text);
        return text.ToString();
    }

    private void WritePictureErrors(StringBuilder text)
    {
        Line(text, "");
        Line(text, "Palette error: mean squared OKLab distance of every pixel to its nearest palette color, × 1000 (lower is better; best in bold).");
        Line(text, "");
        Header(text, "picture", _tools.Select(t => t.Name));
        var ratios = _tools.ToDictionary(t => t.Name, _ => new List<double>());
        foreach (var picture in _data.Pictures)
        {
            foreach (var k in _ks)
            {
                var errors = _tools.Select(t => Error(t.Name, picture, k, null)).ToArray();
                var best = errors.Min();
                var cells = errors.Select(e => e <= best * 1.0005 ? $"**{e * 1000:F3}**" : $"{e * 1000:F3}");
                Line(text, $"| {picture.Name} | {k} | {string.Join(" | ", cells)} |");
                for (var i = 0; i < _tools.Count; i++)
                {
                    ratios[_tools[i].Name].Add(Math.Log(errors[i] / errors[0]));
                }
            }
        }

        var summary = _tools.Select(t => $"{Math.Exp(ratios[t.Name].Average()):F2}×");
        Line(text, $"| error ÷ ours, geometric mean | all | {string.Join(" | ", summary)} |");
    }

    private void WritePictureTimes(StringBuilder text)
    {
        Line(text, "");
        Line(text, "Time per picture, ms (median of the runs; ours: clustering from the raw RGB24 bytes, as extract reports it; peers: conversion to their input format plus their quantizer):");
        Line(text, "");
        Header(text, "picture", _tools.Select(t => t.Name));
        foreach (var picture in _data.Pictures)
        {
            foreach (var k in _ks)
            {
                var cells = _tools.Select(t => Ms(_palettes[(t.Name, picture.File, k, null)].Milliseconds));
                Line(text, $"| {picture.Name} ({picture.Width}x{picture.Height}) | {k} | {string.Join(" | ", cells)} |");
            }
        }
    }

    private void WriteSequence(StringBuilder text)
    {
        var sequence = _data.Sequence;
        Line(text, "");
        Line(text, $"Sequence: {sequence.Frames} frames of {sequence.Width}x{sequence.Height} with sensor noise, scene cut at frame {_data.Cut}. " +
            "Movement: mean OKLab distance between the colors of consecutive frames, paired one to one at least total distance, " +
            "over the frame pairs that do not straddle the cut (lower is steadier; a still scene with noise ideally moves ~0).");
        Line(text, "");
        Line(text, "| tool | k | mean error × 1000 | mean movement | worst movement | ms per frame (median) |");
        Line(text, "| --- | --- | --- | --- | --- | --- |");
        var names = _tools.Take(1).Select(t => t.Name).Append(ColdBaseline.Name).Concat(_tools.Skip(1).Select(t => t.Name));
        foreach (var k in _ks)
        {
            foreach (var name in names)
            {
                var frames = Enumerable.Range(0, sequence.Frames).Select(f => _palettes[(name, sequence.File, k, f)]).ToArray();
                var error = Enumerable.Range(0, sequence.Frames).Average(f => Error(name, sequence, k, f));
                var moves = new List<double>();
                for (var f = 1; f < frames.Length; f++)
                {
                    if (f != _data.Cut)
                    {
                        moves.Add(PaletteMatching.MeanMovement(Labs(frames[f - 1]), Labs(frames[f])));
                    }
                }

                var ms = Statistics.Median(frames.Select(p => p.Milliseconds));
                Line(text, $"| {name} | {k} | {error * 1000:F3} | {moves.Average():F4} | {moves.Max():F4} | {Ms(ms)} |");
            }
        }
    }

    private double Error(string tool, RawFile file, int k, int? frame)
    {
        var palette = _palettes[(tool, file.File, k, frame)];
        if (!_pixels.TryGetValue((file.File, frame ?? 0), out var pixels))
        {
            pixels = _data.ReadFrame(file, frame ?? 0);
            _pixels[(file.File, frame ?? 0)] = pixels;
        }

        var scored = Palette.FromColors(palette.Colors, palette.Weights);
        return PaletteQuality.MeanSquaredError(new Rgb24Image(pixels, file.Width, file.Height), scored);
    }

    private static OkLab[] Labs(ToolPalette palette) => [.. palette.Colors.Select(ColorSpaces.ToOkLab)];

    private static string Ms(double ms) => ms < 10 ? $"{ms:F2}" : ms < 100 ? $"{ms:F1}" : $"{ms:F0}";

    private static void Header(StringBuilder text, string first, IEnumerable<string> tools)
    {
        var names = tools.ToArray();
        Line(text, $"| {first} | k | {string.Join(" | ", names.Select(n => $"`{n}`"))} |");
        Line(text, $"| --- | --- |{string.Concat(names.Select(_ => " --- |"))}");
    }

    private static void Line(StringBuilder text, string line) => text.Append(line).Append('\n');
}
