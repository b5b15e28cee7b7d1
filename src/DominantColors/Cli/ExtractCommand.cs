using System.CommandLine;
using DominantColors.Extract;
using DominantColors.Palettes;
using DominantColors.Sources.Decoders;

namespace DominantColors.Cli;

/// <summary><c>dominant-colors extract [options] &lt;path&gt;...</c>: the palettes of pictures, videos and raw frames.</summary>
internal static class ExtractCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("path")
        {
            Description = "Pictures, videos, folders (searched recursively) and globs such as 'photos/**/*.jpg'.",
            Arity = ArgumentArity.OneOrMore,
        };
        var colors = new Option<int>("--colors", "-k")
        {
            Description = $"Colors per palette (1 to {ExtractionOptions.MaxColors}).",
            DefaultValueFactory = _ => 3,
        };
        var format = new Option<string>("--format")
        {
            Description = "Output: text (with swatches on a true-color terminal), json (one array), jsonl (one object per picture or video frame), "
                + "csv (one row per color), gpl (a GIMP/Inkscape palette), css (custom properties such as --sunset-1: #f37a2d;).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json", "jsonl", "csv", "gpl", "css");
        var seed = new Option<int>("--seed") { Description = "Seed of the k-means++ start; the same seed and pixels give the same palette." };
        var restarts = new Option<int>("--restarts")
        {
            Description = "Cold starts per picture, keeping the best (1 to 64).",
            DefaultValueFactory = _ => 1,
        };
        var jobs = new Option<int>("--jobs", "-j")
        {
            Description = "Inputs read and clustered at once; output stays in input order.",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        var maxPixels = new Option<long>("--max-pixels")
        {
            Description = "Refuse pictures and frames larger than this many pixels, judged from the header before decoding.",
            DefaultValueFactory = _ => ImageFileDecoder.DefaultMaxPixels,
        };
        var raw = new Option<string?>("--raw") { Description = "The inputs are raw RGB24 frames of this size, e.g. 1920x1080 (ffmpeg -pix_fmt rgb24 -f rawvideo)." };
        var color = new Option<string>("--color")
        {
            Description = "Color swatches in text output: auto (a true-color terminal), always, never.",
            DefaultValueFactory = _ => "auto",
        };
        color.AcceptOnlyFromAmong("auto", "always", "never");
        var ffmpeg = new Option<string>("--ffmpeg")
        {
            Description = "The ffmpeg executable used to read videos (and JPEGs with --jpeg-decoder ffmpeg).",
            DefaultValueFactory = _ => "ffmpeg",
        };
        var jpegDecoder = new Option<string>("--jpeg-decoder")
        {
            Description = "What decodes JPEGs: imagesharp (full size, like every other format) or ffmpeg (JPEGs of 4 megapixels "
                + "and more go through one long-lived ffmpeg per job at 1/8 scale: about a third of the CPU, palettes close to "
                + "but not the same as a full decode's; a JPEG ffmpeg cannot decode still goes through ImageSharp).",
            DefaultValueFactory = _ => "imagesharp",
        };
        jpegDecoder.AcceptOnlyFromAmong("imagesharp", "ffmpeg");
        var html = new Option<string?>("--html") { Description = "Also write a contact sheet: one self-contained HTML page with every picture, its palette and roles." };
        var outputFile = new Option<string?>("--output", "-o")
        {
            Description = "Also append each input's result to this JSONL file as soon as it is made (flushed per input, valid after an interruption).",
        };
        var resume = new Option<bool>("--resume") { Description = "With --output: skip the inputs the file already records with the same path, size and modification time." };
        var barcode = new Option<string?>("--barcode") { Description = "Also write each video's movie barcode (one column per frame) to this PNG; with several videos, each gets its name appended." };
        resume.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<bool>() && result.Parent?.GetResult(outputFile) is null)
            {
                result.AddError("--resume needs --output FILE: it skips the inputs that file already records.");
            }
        });

        paths.Validators.Add(result =>
        {
            // An argument list takes any token, so a misspelt option would otherwise be read as a missing file.
            foreach (var path in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (path.StartsWith('-') && path.Length > 1 && !File.Exists(path) && !Directory.Exists(path))
                {
                    result.AddError($"Unknown option '{path}' (a file whose name starts with '-' can be given as ./{path}).");
                }
            }
        });
        AddRangeCheck(colors, 1, ExtractionOptions.MaxColors);
        AddRangeCheck(restarts, 1, 64);
        AddRangeCheck(jobs, 1, 256);
        maxPixels.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<long>() < 1)
            {
                result.AddError("--max-pixels must be at least 1.");
            }
        });
        raw.Validators.Add(result =>
        {
            var text = result.GetValueOrDefault<string?>();
            if (!RawFrameSize.TryParse(text, out _))
            {
                result.AddError($"--raw wants WIDTHxHEIGHT, e.g. 1920x1080, not '{text}'.");
            }
        });

        var command = new Command(
            "extract",
            "Print the dominant colors of pictures, videos (one palette per frame) and raw RGB24 frames, with each one's accent, "
            + "foreground and background; optionally a contact sheet, a results file to resume from, and movie barcodes.")
        {
            paths, colors, format, seed, restarts, jobs, maxPixels, raw, color, ffmpeg, jpegDecoder, html, outputFile, resume, barcode,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            RawFrameSize? rawSize = RawFrameSize.TryParse(parseResult.GetValue(raw), out var size) ? size : null;
            var settings = new ExtractSettings
            {
                Colors = parseResult.GetValue(colors),
                Format = ParseFormat(parseResult.GetValue(format)),
                Seed = parseResult.GetValue(seed),
                Restarts = parseResult.GetValue(restarts),
                Jobs = parseResult.GetValue(jobs),
                MaxPixels = parseResult.GetValue(maxPixels),
                Raw = rawSize,
                Color = Enum.Parse<ColorMode>(parseResult.GetValue(color) ?? "auto", ignoreCase: true),
                Ffmpeg = parseResult.GetValue(ffmpeg) ?? "ffmpeg",
                JpegDecoder = parseResult.GetValue(jpegDecoder) == "ffmpeg" ? JpegDecoderKind.Ffmpeg : JpegDecoderKind.ImageSharp,
                Html = parseResult.GetValue(html),
                Output = parseResult.GetValue(outputFile),
                Resume = parseResult.GetValue(resume),
                Barcode = parseResult.GetValue(barcode),
            };
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            var outputIsTerminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
            var errorIsTerminal = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;
            var swatches = TerminalColors.UseSwatches(settings.Color, outputIsTerminal, Environment.GetEnvironmentVariable);
            var batch = new ExtractBatch(settings, output, error, TimeProvider.System, swatches, errorIsTerminal, outputIsTerminal);
            return await batch.RunAsync(parseResult.GetValue(paths) ?? [], cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    private static ExtractFormat ParseFormat(string? text) => text switch
    {
        "json" => ExtractFormat.Json,
        "jsonl" => ExtractFormat.JsonLines,
        "csv" => ExtractFormat.Csv,
        "gpl" => ExtractFormat.Gpl,
        "css" => ExtractFormat.Css,
        _ => ExtractFormat.Text,
    };

    private static void AddRangeCheck(Option<int> option, int min, int max) =>
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<int>();
            if (value < min || value > max)
            {
                result.AddError($"{option.Name} must be between {min} and {max}, not {value}.");
            }
        });
}
