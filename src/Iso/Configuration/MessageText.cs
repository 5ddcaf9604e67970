using System.Text;

namespace Iso.Configuration;

/// <summary>Formats values for one-line error messages.</summary>
internal static class MessageText
{
    private const int MaxQuotedLength = 80;

    /// <summary>
    /// Puts <paramref name="value"/> in single quotes, escapes control characters so that the
    /// message stays on one line, and shortens values longer than 80 characters.
    /// </summary>
    public static string Quote(string value)
    {
        var text = value.Length > MaxQuotedLength ? value[..(MaxQuotedLength - 3)] + "..." : value;
        var quoted = new StringBuilder(text.Length + 2).Append('\'');
        foreach (var character in text)
        {
            AppendEscaped(quoted, character);
        }

        return quoted.Append('\'').ToString();
    }

    /// <summary>Joins <paramref name="values"/> as a quoted, comma-separated list.</summary>
    public static string QuoteAll(IEnumerable<string> values) =>
        string.Join(", ", values.Select(Quote));

    private static void AppendEscaped(StringBuilder builder, char character)
    {
        switch (character)
        {
            case '\n':
                builder.Append("\\n");
                break;
            case '\r':
                builder.Append("\\r");
                break;
            case '\t':
                builder.Append("\\t");
                break;
            case < ' ' or '\u007f':
                builder.Append($"\\u{(int)character:x4}");
                break;
            default:
                builder.Append(character);
                break;
        }
    }
}
