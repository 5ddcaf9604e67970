using Iso.Cli;

namespace Iso.Tests.Unit;

public sealed class RunWordsTests
{
    [Theory]
    [InlineData(new[] { "-r", "ls", "-s" }, new[] { "-r" }, new[] { "ls", "-s" })]
    [InlineData(new[] { "--session", "a", "grep", "-s", "x" }, new[] { "--session", "a" }, new[] { "grep", "-s", "x" })]
    [InlineData(new[] { "--", "ls" }, new string[0], new[] { "ls" })]
    [InlineData(new[] { "-s", "b", "--", "--help" }, new[] { "-s", "b" }, new[] { "--help" })]
    [InlineData(new[] { "echo", "--" }, new string[0], new[] { "echo", "--" })]
    [InlineData(new[] { "--session=x", "--reuse", "A=1", "env" }, new[] { "--session=x", "--reuse" }, new[] { "A=1", "env" })]
    public void Split_stops_at_the_first_command_word(string[] words, string[] options, string[] remaining)
    {
        var (actualOptions, actualRemaining) = RunWords.Split(words);

        Assert.Equal(options, actualOptions);
        Assert.Equal(remaining, actualRemaining);
    }

    [Fact]
    public void Assignments_keep_any_value_verbatim()
    {
        var (assignments, command) = RunWords.SplitAssignments(
            ["A=x=y", "B=two words", "C=", "_D1='\"", "cmd", "E=1"]);

        Assert.Equal(
            [new("A", "x=y"), new("B", "two words"), new("C", ""), new("_D1", "'\"")],
            assignments);
        Assert.Equal(["cmd", "E=1"], command);
    }

    [Theory]
    [InlineData("1A=x")]
    [InlineData("A-B=x")]
    [InlineData("=x")]
    [InlineData("./run=x")]
    public void Word_with_invalid_key_starts_the_command(string word)
    {
        var (assignments, command) = RunWords.SplitAssignments([word, "rest"]);

        Assert.Empty(assignments);
        Assert.Equal([word, "rest"], command);
    }
}
