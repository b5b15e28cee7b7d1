namespace DominantColors.Extract;

/// <summary>
/// Runs one <c>extract</c>: expands the paths, reads and clusters up to <see cref="ExtractSettings.Jobs"/> inputs at
/// once, and writes each result as soon as every input before it has been written, so the output is in input order
/// whatever finishes first. A bad input gets one line on stderr and the batch goes on.
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

    /// <returns><see cref="Cli.ExitCodes.Success"/>, or <see cref="Cli.ExitCodes.PartialFailure"/> if any input failed.</returns>
    public async Task<int> RunAsync(IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        var problems = new List<(string Path, string Reason)>();
        var inputs = InputExpander.Expand(paths, _settings.Raw is not null, problems);
        var progress = new ProgressBar(_error, _time, inputs.Count, _progress && inputs.Count >= ProgressThreshold);
        foreach (var (path, reason) in problems)
        {
            progress.WriteLine(FailureLine(path, reason));
        }

        var writer = ResultWriter.Create(_settings.Format, _output, _swatches);
        var processor = new InputProcessor(_settings, _time);
        await using var processorScope = processor.ConfigureAwait(false);
        if (inputs.Count > 0)
        {
            processor.WarmUp();
        }
        var failed = problems.Count;

        writer.Begin();
        var results = new TaskCompletionSource<InputOutcome>[inputs.Count];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = new TaskCompletionSource<InputOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _settings.Jobs, CancellationToken = cancellationToken };
        var work = Parallel.ForEachAsync(Enumerable.Range(0, inputs.Count), parallel, async (index, token) =>
        {
            try
            {
                results[index].SetResult(await processor.ProcessAsync(inputs[index], token).ConfigureAwait(false));
            }
            catch (Exception ex)
            {
                results[index].SetException(ex);
                throw;
            }
        });

        try
        {
            foreach (var result in results)
            {
                var outcome = await result.Task.ConfigureAwait(false);
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

                    writer.Write(outcome);
                }

                progress.Advance(outcome.File);
            }
        }
        finally
        {
            // Surfaces a worker's unexpected exception (or cancellation) rather than leaving it unobserved.
            await work.ConfigureAwait(false);
        }

        writer.End();
        progress.Clear();
        await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return failed == 0 ? Cli.ExitCodes.Success : Cli.ExitCodes.PartialFailure;
    }

    private static string FailureLine(string file, string reason) => $"dominant-colors extract: {file}: {reason}";
}
