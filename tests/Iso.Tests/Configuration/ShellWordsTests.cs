using Iso.Configuration.Values;

namespace Iso.Tests.Configuration;

public sealed class ShellWordsTests
{
    public static TheoryData<string, string[]> Splits =>
        new()
        {
            { "redis-server --port 6380", ["redis-server", "--port", "6380"] },
            { "  leading   and\ttabs\nnewline  ", ["leading", "and", "tabs", "newline"] },
            { "", [] },
            { "   ", [] },
            { "'single quoted $HOME'", ["single quoted $HOME"] },
            { "'it'\\''s'", ["it's"] },
            { "\"double quoted\"", ["double quoted"] },
            { "\"a \\\"b\\\" c\"", ["a \"b\" c"] },
            { "\"back\\\\slash\"", ["back\\slash"] },
            { "\"\\$HOME and \\`cmd\\`\"", ["$HOME and `cmd`"] },
            { "\"\\n stays\"", ["\\n stays"] },
            { "\"line\\\ncontinued\"", ["linecontinued"] },
            { "''", [""] },
            { "a '' b", ["a", "", "b"] },
            { "\"\"", [""] },
            { "pre'mid'\"post\"", ["premidpost"] },
            { "a\\ b", ["a b"] },
            { "\\'quote", ["'quote"] },
            { "\\\"x", ["\"x"] },
            { "one\\\ntwo", ["onetwo"] },
            { "$HOME ~ *.txt `x`", ["$HOME", "~", "*.txt", "`x`"] },
            { "echo a#b", ["echo", "a#b"] },
            { "echo # comment", ["echo"] },
            { "echo # comment\nnext", ["echo", "next"] },
            { "echo '#not comment'", ["echo", "#not comment"] },
            { "'a|b' \"c;d\" e\\&f", ["a|b", "c;d", "e&f"] },
        };

    [Theory]
    [MemberData(nameof(Splits))]
    public void Split_returns_the_words_a_posix_shell_would(string text, string[] expected)
    {
        Assert.Equal(expected, ShellWords.Split(text));
    }

    [Theory]
    [InlineData("echo 'open", "the single quote at character 6 is not closed")]
    [InlineData("echo \"open", "the double quote at character 6 is not closed")]
    [InlineData("echo \"a\\\"", "the double quote at character 6 is not closed")]
    [InlineData("echo x\\", "the text ends with a backslash at character 7")]
    [InlineData("a | b", "unquoted '|' at character 3 is a shell operator")]
    [InlineData("a && b", "unquoted '&' at character 3")]
    [InlineData("a; b", "unquoted ';' at character 2")]
    [InlineData("cat < in", "unquoted '<'")]
    [InlineData("echo > out", "unquoted '>'")]
    [InlineData("(sub)", "unquoted '('")]
    public void Split_rejects_what_it_cannot_split(string text, string reason)
    {
        var exception = Assert.Throws<FormatException>(() => ShellWords.Split(text));

        Assert.Contains(reason, exception.Message);
    }
}
