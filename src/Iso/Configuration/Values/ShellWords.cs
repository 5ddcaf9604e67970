using System.Text;

namespace Iso.Configuration.Values;

/// <summary>
/// Splits a command string into words the way a POSIX shell does, without running a shell.
/// Blanks (space, tab, newline) separate words. Single quotes keep everything literally.
/// Inside double quotes a backslash escapes only <c>"</c>, <c>\</c>, <c>$</c>, <c>`</c> and a
/// newline, and stays literal before other characters. Outside quotes a backslash escapes the
/// next character, and a backslash before a newline joins the lines. A <c>#</c> at the start
/// of a word begins a comment that runs to the end of the line.
/// Nothing is expanded: <c>$VAR</c>, <c>`cmd`</c>, <c>~</c> and <c>*</c> stay as written.
/// Unquoted shell operators (<c>| &amp; ; &lt; &gt; ( )</c>) are rejected, because the words
/// are run without a shell.
/// </summary>
internal static class ShellWords
{
    private const string Operators = "|&;<>()";

    /// <exception cref="FormatException">
    /// A quote is not closed, the text ends with a backslash, or it contains an unquoted
    /// shell operator. The message names the character position (1-based).
    /// </exception>
    public static IReadOnlyList<string> Split(string text)
    {
        var splitter = new Splitter(text);
        splitter.Run();
        return splitter.Words;
    }

    private sealed class Splitter(string text)
    {
        private readonly StringBuilder word = new();
        private int index;
        private bool inWord;

        public List<string> Words { get; } = [];

        public void Run()
        {
            while (index < text.Length)
            {
                ReadNext(text[index]);
            }

            EndWord();
        }

        private void ReadNext(char character)
        {
            switch (character)
            {
                case ' ' or '\t' or '\n':
                    EndWord();
                    index++;
                    break;
                case '#' when !inWord:
                    SkipComment();
                    break;
                case '\'':
                    ReadSingleQuoted();
                    break;
                case '"':
                    ReadDoubleQuoted();
                    break;
                case '\\':
                    ReadEscape();
                    break;
                case var _ when Operators.Contains(character):
                    throw new FormatException(
                        $"unquoted '{character}' at character {index + 1} is a shell operator; "
                            + "quote it, or run a shell as in [sh, -c, 'a | b']"
                    );
                default:
                    Append(character);
                    index++;
                    break;
            }
        }

        private void SkipComment()
        {
            var newline = text.IndexOf('\n', index);
            index = newline < 0 ? text.Length : newline;
        }

        private void ReadSingleQuoted()
        {
            var close = text.IndexOf('\'', index + 1);
            if (close < 0)
            {
                throw Unterminated("single", index);
            }

            inWord = true;
            word.Append(text, index + 1, close - index - 1);
            index = close + 1;
        }

        private void ReadDoubleQuoted()
        {
            var open = index;
            inWord = true;
            index++;
            while (index < text.Length && text[index] != '"')
            {
                ReadDoubleQuotedCharacter();
            }

            if (index >= text.Length)
            {
                throw Unterminated("double", open);
            }

            index++;
        }

        private void ReadDoubleQuotedCharacter()
        {
            var character = text[index];
            var next = index + 1 < text.Length ? text[index + 1] : '\0';
            if (character == '\\' && next is '"' or '\\' or '$' or '`' or '\n')
            {
                if (next != '\n')
                {
                    word.Append(next);
                }

                index += 2;
                return;
            }

            word.Append(character);
            index++;
        }

        private void ReadEscape()
        {
            if (index + 1 >= text.Length)
            {
                throw new FormatException(
                    $"the text ends with a backslash at character {index + 1}; remove it or "
                        + "write '\\\\' for a literal backslash"
                );
            }

            var next = text[index + 1];
            if (next != '\n')
            {
                Append(next);
            }

            index += 2;
        }

        private void Append(char character)
        {
            inWord = true;
            word.Append(character);
        }

        private void EndWord()
        {
            if (inWord)
            {
                Words.Add(word.ToString());
            }

            word.Clear();
            inWord = false;
        }

        private static FormatException Unterminated(string kind, int position) =>
            new($"the {kind} quote at character {position + 1} is not closed; close it");
    }
}
