using Iso.Configuration.Yaml;

namespace Iso.Tests.Configuration;

public sealed class KeySuggestionTests
{
    private static readonly string[] Keys = ["image", "port", "command", "environment"];

    [Theory]
    [InlineData("", "", 0)]
    [InlineData("abc", "", 3)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("imgae", "image", 1)]
    [InlineData("ab", "ba", 1)]
    [InlineData("privilidged", "privileged", 2)]
    public void Distance_counts_edits_and_adjacent_swaps(string source, string target, int expected)
    {
        Assert.Equal(expected, KeySuggestion.Distance(source, target));
    }

    [Theory]
    [InlineData("imgae", "image")]
    [InlineData("IMAGE", "image")]
    [InlineData("prot", "port")]
    [InlineData("env", "environment")]
    [InlineData("comand", "command")]
    public void Nearest_key_is_found(string key, string expected)
    {
        Assert.Equal(expected, KeySuggestion.FindNearest(key, Keys));
    }

    [Theory]
    [InlineData("x")]
    [InlineData("volumes")]
    [InlineData("healthcheck")]
    public void Far_key_has_no_suggestion(string key)
    {
        Assert.Null(KeySuggestion.FindNearest(key, Keys));
    }
}
