namespace DominantColors.Cli;

/// <summary>Exit codes other tools depend on (sysexits.h where one fits).</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Some inputs failed (bad images in an <c>extract</c> batch); the rest were processed.</summary>
    public const int PartialFailure = 1;

    /// <summary>The command line was wrong.</summary>
    public const int Usage = 2;

    /// <summary>EX_IOERR: an output file (<c>extract --output</c>, <c>--html</c>, <c>--barcode</c>) could not be written.</summary>
    public const int IoError = 74;

    /// <summary>EX_CONFIG: the configuration is invalid; systemd must not restart in a loop.</summary>
    public const int Config = 78;
}
