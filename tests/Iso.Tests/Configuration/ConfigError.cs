using System.Text.RegularExpressions;
using Iso.Errors;

namespace Iso.Tests.Configuration;

/// <summary>
/// A <see cref="ConfigException"/> message split into its parts, which have the form
/// <c>FILE:LINE:COLUMN: DETAIL</c>.
/// </summary>
internal sealed partial record ConfigError(string File, int Line, int Column, string Detail)
{
    /// <summary>
    /// Runs <paramref name="load"/>, asserts that it throws a one-line ConfigException with a
    /// position, and returns the message's parts.
    /// </summary>
    public static ConfigError Capture(Func<object> load)
    {
        var exception = Assert.Throws<ConfigException>(load);
        Assert.DoesNotContain('\n', exception.Message);
        var match = MessagePattern().Match(exception.Message);
        Assert.True(match.Success, $"message without FILE:LINE:COLUMN: {exception.Message}");
        return new ConfigError(
            match.Groups["file"].Value,
            int.Parse(match.Groups["line"].Value),
            int.Parse(match.Groups["column"].Value),
            match.Groups["detail"].Value
        );
    }

    [GeneratedRegex(@"\A(?<file>[^:]+):(?<line>[0-9]+):(?<column>[0-9]+): (?<detail>.+)\z")]
    private static partial Regex MessagePattern();
}
