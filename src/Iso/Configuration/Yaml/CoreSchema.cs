using System.Globalization;
using System.Text.RegularExpressions;

namespace Iso.Configuration.Yaml;

/// <summary>
/// Resolves untagged plain scalars as the YAML 1.2 core schema does. YAML 1.1 forms such as
/// <c>yes</c>, <c>off</c> or <c>0777</c> as octal are not special and resolve to strings or
/// decimal integers.
/// </summary>
internal static partial class CoreSchema
{
    /// <summary>Returns the type of an untagged plain scalar.</summary>
    public static ScalarKind Resolve(string plainText)
    {
        if (NullPattern().IsMatch(plainText))
        {
            return ScalarKind.Null;
        }

        if (BooleanPattern().IsMatch(plainText))
        {
            return ScalarKind.Boolean;
        }

        if (IntegerPattern().IsMatch(plainText))
        {
            return ScalarKind.Integer;
        }

        return FloatPattern().IsMatch(plainText) ? ScalarKind.Float : ScalarKind.String;
    }

    /// <summary>Parses a YAML 1.2 core-schema integer: decimal, 0o octal or 0x hex.</summary>
    public static bool TryParseInteger(string text, out long value)
    {
        // Convert.ToInt64 turns 16 hex digits above long.MaxValue into negative numbers
        // instead of throwing, so a negative result means out of range as well.
        value = 0;
        try
        {
            if (text.StartsWith("0x", StringComparison.Ordinal))
            {
                value = Convert.ToInt64(text[2..], 16);
                return value >= 0;
            }

            if (text.StartsWith("0o", StringComparison.Ordinal))
            {
                value = Convert.ToInt64(text[2..], 8);
                return value >= 0;
            }
        }
        catch (OverflowException)
        {
            return false;
        }

        return long.TryParse(
            text,
            NumberStyles.AllowLeadingSign,
            CultureInfo.InvariantCulture,
            out value
        );
    }

    /// <summary>Parses an integer, or returns infinity when it is out of range.</summary>
    public static double ParseIntegerOrInfinity(string text) =>
        TryParseInteger(text, out var value) ? value : double.PositiveInfinity;

    /// <summary>Parses a YAML 1.2 core-schema float, including .inf and .nan.</summary>
    public static double ParseFloat(string text) =>
        text.ToLowerInvariant() switch
        {
            ".inf" or "+.inf" => double.PositiveInfinity,
            "-.inf" => double.NegativeInfinity,
            ".nan" => double.NaN,
            _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
        };

    [GeneratedRegex(@"\A(~|null|Null|NULL|)\z")]
    private static partial Regex NullPattern();

    [GeneratedRegex(@"\A(true|True|TRUE|false|False|FALSE)\z")]
    private static partial Regex BooleanPattern();

    [GeneratedRegex(@"\A([-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)\z")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(
        @"\A([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.nan|\.NaN|\.NAN)\z"
    )]
    private static partial Regex FloatPattern();
}
