namespace DominantColors.Hosting;

/// <summary>
/// The exit code a fatal fault asks for. A faulted BackgroundService stops the host, which would otherwise exit 0
/// (dotnet/runtime#67146) and keep systemd's <c>Restart=on-failure</c> from firing.
/// </summary>
internal sealed class DaemonExit
{
    private int _code;

    public int Code => Volatile.Read(ref _code);

    public void Fail(int code)
    {
        Interlocked.CompareExchange(ref _code, code, 0);
        Environment.ExitCode = code;
    }
}
