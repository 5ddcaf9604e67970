namespace Iso.Errors;

/// <summary>
/// A failure that a user can act on. <see cref="Program"/> prints the message as one line,
/// prefixed with <c>iso: </c>, and exits with <see cref="ExitCode"/>.
/// </summary>
public class IsoException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>iso's own failures exit 125, so that they differ from any command's status.</summary>
    public virtual int ExitCode => ExitCodes.IsoFailure;
}

/// <summary>Invalid words on the command line; exits 2 like other Unix tools.</summary>
public sealed class UsageException(string message) : IsoException(message)
{
    public override int ExitCode => ExitCodes.Usage;
}

/// <summary>A missing or invalid file under <c>.iso/</c>, found before any engine resource exists.</summary>
public sealed class ConfigException(string message) : IsoException(message);

/// <summary>The Docker engine could not be reached or rejected a request.</summary>
public sealed class EngineException(string message, Exception? inner = null)
    : IsoException(message, inner);

/// <summary>The project image could not be built.</summary>
public sealed class BuildException(string message) : IsoException(message);

/// <summary>A service container did not become ready.</summary>
public sealed class ServiceException(string message) : IsoException(message);

/// <summary>A hook ended with a non-zero status, which becomes iso's own.</summary>
public sealed class HookException(string message, int status) : IsoException(message)
{
    public override int ExitCode => status;
}
