using DominantColors.Cli;

return await CommandLineApp.RunAsync(args).ConfigureAwait(false);
