namespace Iso.Errors;

/// <summary>Exit statuses that iso itself returns; a command's own status passes through unchanged.</summary>
public static class ExitCodes
{
    public const int Usage = 2;
    public const int IsoFailure = 125;
    public const int CannotExecute = 126;
    public const int NotFound = 127;
    public const int SignalBase = 128;
    public const int Interrupted = SignalBase + 2;
    public const int Terminated = SignalBase + 15;
}
