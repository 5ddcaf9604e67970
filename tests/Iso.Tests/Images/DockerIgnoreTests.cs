using System.Runtime.Versioning;
using Iso.Errors;
using Iso.Images;
using Xunit;

namespace Iso.Tests.Images;

[UnsupportedOSPlatform("windows")]
public sealed class DockerIgnoreTests
{
    [Theory]
    // '*' matches within one path element, and a pattern is anchored at the context root.
    [InlineData("*.log", "app.log", true)]
    [InlineData("*.log", "logs/app.log", false)]
    [InlineData("*.log", "app.log.gz", false)]
    [InlineData("*", "anything", true)]
    [InlineData("*", "dir/file", true)]
    // '**' crosses directories.
    [InlineData("**/*.tmp", "a.tmp", true)]
    [InlineData("**/*.tmp", "x/y/a.tmp", true)]
    [InlineData("**/*.tmp", "x/a.tmpx", false)]
    [InlineData("a/**/b", "a/b", true)]
    [InlineData("a/**/b", "a/x/y/b", true)]
    [InlineData("a/**/b", "c/a/x/b", false)]
    [InlineData("docs/**", "docs/a/b.md", true)]
    [InlineData("docs/**", "docs", false)]
    [InlineData("**", "deep/down/file", true)]
    // A trailing '/' is cleaned away, and a matching directory covers everything below it.
    [InlineData("build/", "build", true)]
    [InlineData("build/", "build/out/main.o", true)]
    [InlineData("build/", "builder", false)]
    [InlineData("build/", "src/build", false)]
    [InlineData("build", "build/keep.txt", true)]
    // '!' includes again, and the last matching pattern wins.
    [InlineData("build\n!build/keep.txt", "build/keep.txt", false)]
    [InlineData("build\n!build/keep.txt", "build/other.txt", true)]
    [InlineData("build\n!build/keep.txt", "build", true)]
    [InlineData("*.log\n!important.log", "important.log", false)]
    [InlineData("*.log\n!important.log", "other.log", true)]
    [InlineData("!important.log\n*.log", "important.log", true)]
    [InlineData("*.log\n!important.log\nimportant.log", "important.log", true)]
    [InlineData("docs\n!docs\n", "docs/readme.md", false)]
    // A leading '/' is dropped, and the pattern is cleaned like a path.
    [InlineData("/abs", "abs", true)]
    [InlineData("/abs", "x/abs", false)]
    [InlineData("./dir/../file", "file", true)]
    [InlineData("a//b/", "a/b", true)]
    // '*' in the middle stays within one element.
    [InlineData("a/*/c", "a/b/c", true)]
    [InlineData("a/*/c", "a/b/c/d", true)]
    [InlineData("a/*/c", "a/c", false)]
    [InlineData("a/*/c", "a/b/d/c", false)]
    // '?' matches one character other than '/'.
    [InlineData("?.txt", "a.txt", true)]
    [InlineData("?.txt", "ab.txt", false)]
    [InlineData("?.txt", ".txt", false)]
    [InlineData("a?b", "a/b", false)]
    // Character classes.
    [InlineData("[abc].md", "b.md", true)]
    [InlineData("[abc].md", "d.md", false)]
    [InlineData("[a-c]x", "bx", true)]
    [InlineData("[a-c]x", "dx", false)]
    [InlineData("[^a-c]x", "dx", true)]
    [InlineData("[^a-c]x", "bx", false)]
    [InlineData("[!a-c]x", "dx", true)]
    [InlineData("[!a-c]x", "ax", false)]
    [InlineData("[\\]]x", "]x", true)]
    [InlineData("file[0-9][0-9]", "file42", true)]
    [InlineData("file[0-9][0-9]", "file4", false)]
    // '\' escapes the next character.
    [InlineData("\\*.txt", "*.txt", true)]
    [InlineData("\\*.txt", "a.txt", false)]
    // Regex characters in a pattern are literal.
    [InlineData("a.b", "axb", false)]
    [InlineData("(x)+", "(x)+", true)]
    // Comments, blank lines and surrounding whitespace.
    [InlineData("#comment", "#comment", false)]
    [InlineData("# *.log", "app.log", false)]
    [InlineData(" #indented", "#indented", true)]
    [InlineData("\n\n   \n*.o\n", "main.o", true)]
    [InlineData("  spaced.txt  ", "spaced.txt", true)]
    [InlineData("! spaced.txt\n", "spaced.txt", false)]
    [InlineData("*.log\r\n!keep.log\r\n", "keep.log", false)]
    public void Pattern_table(string dockerIgnoreText, string path, bool expectedExcluded)
    {
        using var directory = new TempDirectory();
        directory.WriteFile(".dockerignore", dockerIgnoreText);

        DockerIgnore dockerIgnore = DockerIgnore.Load(directory.Path);

        Assert.Equal(expectedExcluded, dockerIgnore.IsExcluded(path, isDirectory: false));
    }

    [Fact]
    public void Missing_dockerignore_excludes_nothing()
    {
        using var directory = new TempDirectory();

        DockerIgnore dockerIgnore = DockerIgnore.Load(directory.Path);

        Assert.False(dockerIgnore.IsExcluded("anything", isDirectory: false));
        Assert.False(dockerIgnore.IsExcluded("dir", isDirectory: true));
    }

    [Fact]
    public void Trailing_slash_in_path_is_ignored()
    {
        using var directory = new TempDirectory();
        directory.WriteFile(".dockerignore", "node_modules");

        DockerIgnore dockerIgnore = DockerIgnore.Load(directory.Path);

        Assert.True(dockerIgnore.IsExcluded("node_modules/", isDirectory: true));
    }

    [Theory]
    [InlineData("[abc", "no closing ']'")]
    [InlineData("[]", "must be escaped")]
    [InlineData("[a-]", "must be escaped")]
    [InlineData("trailing\\", "unescaped '\\'")]
    [InlineData("!", "'!' must be followed by a pattern")]
    [InlineData("!   ", "'!' must be followed by a pattern")]
    public void Malformed_pattern_is_a_config_error(string pattern, string expectedReason)
    {
        using var directory = new TempDirectory();
        string path = directory.WriteFile(".dockerignore", $"ok.txt\n\n{pattern}\n");

        var error = Assert.Throws<ConfigException>(() => DockerIgnore.Load(directory.Path));

        Assert.Contains(expectedReason, error.Message);
        Assert.Contains($"line 3 of {path}", error.Message);
        Assert.Contains($"'{pattern.Trim()}'", error.Message);
    }

    [Theory]
    [InlineData("build\n!build/keep.txt", "build", true)]
    [InlineData("build\n!build/keep.txt", "other", false)]
    [InlineData("build\n!build/keep.txt", "buildx", false)]
    [InlineData("build\n!**/keep.txt", "build", true)]
    [InlineData("build\n!bu*", "build", true)]
    [InlineData("build\n!build/sub/keep.txt", "build/sub", true)]
    [InlineData("build", "build", false)]
    public void May_include_below_follows_reinclude_patterns(
        string dockerIgnoreText,
        string directoryPath,
        bool expected)
    {
        using var directory = new TempDirectory();
        directory.WriteFile(".dockerignore", dockerIgnoreText);

        DockerIgnore dockerIgnore = DockerIgnore.Load(directory.Path);

        Assert.Equal(expected, dockerIgnore.MayIncludeBelow(directoryPath));
    }
}
