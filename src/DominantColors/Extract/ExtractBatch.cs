namespace DominantColors.Extract;

/// <summary>
/// Runs one <c>extract</c>: expands the paths (leaving out, with <c>--resume</c>, the inputs the <c>--output</c> file
/// already records), reads and clusters up to <see cref="ExtractSettings.Jobs"/> inputs at once, and writes each result
/// as soon as every input before it has been written, so the output is in input order whatever finishes first. Only a
/// few inputs are in flight at a time, so memory stays flat however many there are. A bad input gets one line on
/// stderr and the batch goes on; an output file that cannot be written stops it with <see cref="Cli.ExitCodes.IoError"/>.
/// </summary>
internal sealed class ExtractBatch
{
    private readonly ExtractSettings _settings;
    private readonly TextWriter _output;
    private readonly TextWriter _error;
    private readonly TimeProvider _time;
    private readonly bool _swatches;
    private readonly bool _progress;
    private readonly bool _outputIsTerminal;

    /// <summary>
    /// A batch writing palettes to <paramref name="output"/> and failures to <paramref name="error"/>.
    /// <paramref name="swatches"/> paints color swatches in text output; <paramref name="progress"/> says stderr is a
    /// terminal, where a progress bar may be drawn; <paramref name="outputIsTerminal"/> says stdout is one too, so the
    /// bar is lifted before each result is printed.
    /// </summary>
    public ExtractBatch(
        ExtractSettings settings, TextWriter output, TextWriter error, TimeProvider time, bool swatches, bool progress, bool outputIsTerminal = false)
    {
        _settings = settings;
        _output = output;
        _error = error;
        _time = time;
        _swatches = swatches;
        _progress = progress;
        _outputIsTerminal = outputIsTerminal;
    }

    /// <summary>Inputs from this many on show a progress bar (when stderr is a terminal).</summary>
    public const int ProgressThreshold = 2;

    /// <returns>
    /// <see cref="Cli.ExitCodes.Success"/>, <see cref="Cli.ExitCodes.PartialFailure"/> if any input failed, or
    /// <see cref="Cli.ExitCodes.IoError"/> if an output file could not be written.
    /// </returns>
    public async Task<int> RunAsync(IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        var problems = new List<(string Path, string Reason)>();
        var expanded = InputExpander.Expand(paths, _settings.Raw is not null, problems);
        var recorded = new HashSet<InputStamp>();
        ResultLog? log;
        try
        {
            log = _settings.Output is { } path ? ResultLog.Open(path, _settings.Resume, recorded) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await _error.WriteLineAsync(FailureLine(_settings.Output!, $"cannot write: {ex.Message}")).ConfigureAwait(false);
            return Cli.ExitCodes.IoError;
        }

        using var logScope = log;
        var work = Plan(expanded, log is not null, recorded);
        var progress = new ProgressBar(_error, _time, work.Count, _progress && work.Count >= ProgressThreshold);
        foreach (var (path, reason) in problems)
        {
            progress.WriteLine(FailureLine(path, reason));
        }

        try
        {
            using var sinks = new ExtractSinks(_settings, ResultWriter.Create(_settings.Format, _output, _swatches), log, expanded);
            var failed = await RunAsync(work, sinks, progress, cancellationToken).ConfigureAwait(false) + problems.Count;
            sinks.End(failed);
            progress.Clear();
            await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
            return failed == 0 ? Cli.ExitCodes.Success : Cli.ExitCodes.PartialFailure;
        }
        catch (IOException ex)
        {
            progress.WriteLine($"dominant-colors extract: {ex.Message}");
            await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
            return Cli.ExitCodes.IoError;
        }
    }

    /// <summary>
    /// The inputs to read with their stamps (when there is an output log), leaving out those the log records with the
    /// same path, size and modification time.
    /// </summary>
    private static List<(InputFile Input, InputStamp? Stamp)> Plan(IReadOnlyList<InputFile> inputs, bool stamped, HashSet<InputStamp> recorded)
    {
        var work = new List<(InputFile, InputStamp?)>(inputs.Count);
        foreach (var input in inputs)
        {
            var stamp = stamped ? InputStamp.Of(input.FullPath) : null;
            if (stamp is { } s && recorded.Contains(s))
            {
                continue;
            }

            work.Add((input, stamp));
        }

        return work;
    }

    /// <returns>How many inputs failed.</returns>
    private async Task<int> RunAsync(
        List<(InputFile Input, InputStamp? Stamp)> work, ExtractSinks sinks, ProgressBar progress, CancellationToken cancellationToken)
    {
        var processor = new InputProcessor(_settings, _time);
        await using var processorScope = processor.ConfigureAwait(false);
        if (work.Count > 0)
        {
            processor.WarmUp();
        }

        sinks.Begin();
        var failed = 0;
        using var slots = new SemaphoreSlim(_settings.Jobs);

        // A window of inputs in flight: enough to keep every job busy while the oldest is awaited, few enough that
        // the results waiting for it to finish stay a handful.
        var window = new Queue<Task<InputOutcome>>();
        var limit = (2 * _settings.Jobs) + 2;
        var next = 0;
        try
        {
            while (next < work.Count || window.Count > 0)
            {
                while (next < work.Count && window.Count < limit)
                {
                    window.Enqueue(ProcessAsync(processor, work[next++].Input, slots, cancellationToken));
                }

                var outcome = await window.Dequeue().ConfigureAwait(false);
                if (outcome.Error is { } reason)
                {
                    failed++;
                    progress.WriteLine(FailureLine(outcome.File, reason));
                }
                else
                {
                    if (_outputIsTerminal)
                    {
                        progress.Clear();
                    }

                    sinks.Write(outcome, work[next - window.Count - 1].Stamp);
                }

                progress.Advance(outcome.File);
            }
        }
        finally
        {
            // Lets the inputs still in flight finish (or see the cancellation) before their processor is disposed.
            await ((Task)Task.WhenAll(window)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        return failed;
    }

    private static async Task<InputOutcome> ProcessAsync(
        InputProcessor processor, InputFile input, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await Task.Run(() => processor.ProcessAsync(input, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            slots.Release();
        }
    }

    private static string FailureLine(string file, string reason) => $"dominant-colors extract: {file}: {reason}";
}
