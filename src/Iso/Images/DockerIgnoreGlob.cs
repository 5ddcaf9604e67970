using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Iso.Images;

/// <summary>
/// Translates one cleaned <c>.dockerignore</c> pattern into an anchored regular expression.
/// </summary>
/// <remarks>
/// The syntax is Go's <c>filepath.Match</c>, which Docker uses: <c>*</c> matches any run of
/// characters except <c>/</c>, <c>?</c> matches one character except <c>/</c>, <c>[...]</c> is a
/// character class with ranges and <c>^</c> negation, and <c>\</c> escapes the next character.
/// Docker adds <c>**</c>: <c>**/</c> matches zero or more whole directories, and <c>**</c>
/// elsewhere matches any run of characters including <c>/</c>. Like shells and .gitignore, a
/// class may also be negated with <c>!</c>, which Go does not accept.
/// </remarks>
internal static class DockerIgnoreGlob
{
    // One character other than '/', counting a UTF-16 surrogate pair as one character.
    private const string AnyCharacterExceptSlash = @"(?:[\uD800-\uDBFF][\uDC00-\uDFFF]|[^/])";

    /// <summary>
    /// Builds the regex. Throws <see cref="FormatException"/> for a malformed pattern.
    /// </summary>
    public static Regex ToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        int index = 0;
        while (index < pattern.Length)
        {
            index = AppendToken(pattern, index, regex);
        }

        regex.Append('$');
        return new Regex(regex.ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline);
    }

    // Appends the regex for the token that starts at index and returns the index after it.
    private static int AppendToken(string pattern, int index, StringBuilder regex)
    {
        switch (pattern[index])
        {
            case '*' when index + 1 < pattern.Length && pattern[index + 1] == '*':
                return AppendDoubleStar(pattern, index, regex);
            case '*':
                regex.Append(AnyCharacterExceptSlash).Append('*');
                return index + 1;
            case '?':
                regex.Append(AnyCharacterExceptSlash);
                return index + 1;
            case '[':
                return AppendCharacterClass(pattern, index, regex);
            case '\\':
                char escaped = ReadEscaped(pattern, index, out int next);
                regex.Append(Regex.Escape(escaped.ToString()));
                return next;
            default:
                regex.Append(Regex.Escape(pattern[index].ToString()));
                return index + 1;
        }
    }

    private static int AppendDoubleStar(string pattern, int index, StringBuilder regex)
    {
        int afterStars = index + 2;
        bool slashFollows = afterStars < pattern.Length && pattern[afterStars] == '/';
        if (slashFollows)
        {
            regex.Append("(?:.*/)?");
            return afterStars + 1;
        }

        regex.Append(".*");
        return afterStars;
    }

    // NOTE: a class is read one UTF-16 unit at a time, so a character outside the Basic
    // Multilingual Plane cannot appear in a class.
    private static int AppendCharacterClass(string pattern, int index, StringBuilder regex)
    {
        int position = index + 1;
        bool negated = position < pattern.Length && pattern[position] is '^' or '!';
        if (negated)
        {
            position++;
        }

        var ranges = new StringBuilder();
        int rangeCount = 0;
        while (position >= pattern.Length || pattern[position] != ']' || rangeCount == 0)
        {
            position = ReadRange(pattern, position, ranges);
            rangeCount++;
        }

        AppendClass(regex, ranges, negated);
        return position + 1;
    }

    // Reads "c" or "lo-hi" at position into ranges and returns the index after it.
    private static int ReadRange(string pattern, int position, StringBuilder ranges)
    {
        char low = ReadClassCharacter(pattern, position, out position);
        char high = low;
        if (position < pattern.Length && pattern[position] == '-')
        {
            high = ReadClassCharacter(pattern, position + 1, out position);
        }

        // Go accepts a reversed range, which matches nothing. .NET rejects one, so drop it.
        if (low <= high)
        {
            ranges.Append(Escape(low)).Append('-').Append(Escape(high));
        }

        return position;
    }

    private static char ReadClassCharacter(string pattern, int position, out int next)
    {
        if (position >= pattern.Length)
        {
            throw new FormatException("a character class '[' has no closing ']'");
        }

        char character = pattern[position];
        if (character is '-' or ']')
        {
            throw new FormatException(
                $"'{character}' inside a character class must be escaped as '\\{character}'");
        }

        if (character == '\\')
        {
            return ReadEscaped(pattern, position, out next);
        }

        next = position + 1;
        return character;
    }

    private static char ReadEscaped(string pattern, int backslash, out int next)
    {
        if (backslash + 1 >= pattern.Length)
        {
            throw new FormatException("the pattern ends with an unescaped '\\'");
        }

        next = backslash + 2;
        return pattern[backslash + 1];
    }

    private static void AppendClass(StringBuilder regex, StringBuilder ranges, bool negated)
    {
        if (ranges.Length == 0)
        {
            // Only reversed ranges: the class matches nothing, or everything when negated.
            regex.Append(negated ? "[\\s\\S]" : "(?!)");
            return;
        }

        regex.Append('[').Append(negated ? "^" : "").Append(ranges).Append(']');
    }

    private static string Escape(char character) =>
        "\\u" + ((int)character).ToString("X4", CultureInfo.InvariantCulture);
}
