using System.Runtime.Versioning;
using Iso.Images;
using Xunit;

namespace Iso.Tests.Images;

[UnsupportedOSPlatform("windows")]
public sealed class BuildContextHashTests : IDisposable
{
    private static readonly Dictionary<string, string> NoBuildArgs = [];

    private readonly TempDirectory _directory = new();

    public BuildContextHashTests()
    {
        _directory.WriteFile("Dockerfile", "FROM alpine\nCOPY . /app\n");
        _directory.WriteFile("src/main.py", "print('hello')\n");
        _directory.WriteFile("src/util.py", "def util(): pass\n");
        _directory.WriteFile(".dockerignore", "*.log\n");
        _directory.WriteFile("debug.log", "noise\n");
        _directory.CreateSymbolicLink("current", "src");
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Hash_is_32_lower_case_hex_digits()
    {
        string hash = HashOf(_directory);

        Assert.Matches("^[0-9a-f]{32}$", hash);
    }

    [Fact]
    public void Hash_is_the_same_for_the_same_tree()
    {
        string first = HashOf(_directory);
        string second = HashOf(_directory);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Hash_ignores_context_location()
    {
        using var copy = new TempDirectory();
        copy.WriteFile("src/util.py", "def util(): pass\n");
        copy.WriteFile("src/main.py", "print('hello')\n");
        copy.WriteFile("Dockerfile", "FROM alpine\nCOPY . /app\n");
        copy.WriteFile(".dockerignore", "*.log\n");
        copy.CreateSymbolicLink("current", "src");

        Assert.Equal(HashOf(_directory), HashOf(copy));
    }

    [Fact]
    public void Hash_ignores_modification_times()
    {
        string before = HashOf(_directory);
        var longAgo = new DateTime(2001, 2, 3, 4, 5, 6, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(_directory.PathOf("src/main.py"), longAgo);
        Directory.SetLastWriteTimeUtc(_directory.PathOf("src"), longAgo);

        Assert.Equal(before, HashOf(_directory));
    }

    [Fact]
    public void Hash_ignores_files_excluded_by_dockerignore()
    {
        string before = HashOf(_directory);
        _directory.WriteFile("debug.log", "different noise\n");
        _directory.WriteFile("trace.log", "new noise\n");

        Assert.Equal(before, HashOf(_directory));
    }

    [Fact]
    public void Hash_changes_when_a_file_is_edited()
    {
        string before = HashOf(_directory);
        _directory.WriteFile("src/main.py", "print('bye')\n");

        Assert.NotEqual(before, HashOf(_directory));
    }

    [Fact]
    public void Hash_changes_when_a_file_is_added()
    {
        string before = HashOf(_directory);
        _directory.WriteFile("src/new.py", "");

        Assert.NotEqual(before, HashOf(_directory));
    }

    [Fact]
    public void Hash_changes_when_an_empty_directory_is_added()
    {
        string before = HashOf(_directory);
        _directory.CreateDirectory("data");

        Assert.NotEqual(before, HashOf(_directory));
    }

    [Fact]
    public void Hash_changes_when_a_file_is_renamed()
    {
        string before = HashOf(_directory);
        File.Move(_directory.PathOf("src/util.py"), _directory.PathOf("src/utils.py"));

        Assert.NotEqual(before, HashOf(_directory));
    }

    [Fact]
    public void Hash_changes_when_a_file_becomes_executable()
    {
        _directory.SetMode("src/main.py", "644");
        string before = HashOf(_directory);
        _directory.SetMode("src/main.py", "755");

        Assert.NotEqual(before, HashOf(_directory));
    }

    [Fact]
    public void Hash_changes_when_a_symbolic_link_target_changes()
    {
        string before = HashOf(_directory);
        File.Delete(_directory.PathOf("current"));
        _directory.CreateSymbolicLink("current", "src/main.py");

        Assert.NotEqual(before, HashOf(_directory));
    }

    [Fact]
    public void Hash_changes_when_the_Dockerfile_changes()
    {
        string before = HashOf(_directory);
        _directory.WriteFile("Dockerfile", "FROM alpine\nCOPY . /srv\n");

        Assert.NotEqual(before, HashOf(_directory));
    }

    [Fact]
    public void Hash_changes_with_outside_Dockerfile()
    {
        using var outside = new TempDirectory();
        string dockerfile = outside.WriteFile("Dockerfile", "FROM alpine\n");
        string before = HashOf(_directory, dockerfile);
        outside.WriteFile("Dockerfile", "FROM debian\n");

        Assert.NotEqual(before, HashOf(_directory, dockerfile));
    }

    [Fact]
    public void Hash_changes_when_dockerignore_changes()
    {
        string before = HashOf(_directory);
        _directory.WriteFile(".dockerignore", "*.log\nsrc/util.py\n");

        Assert.NotEqual(before, HashOf(_directory));
    }

    [Fact]
    public void Hash_changes_when_a_build_arg_changes()
    {
        var version1 = new Dictionary<string, string> { ["VERSION"] = "1" };
        var version2 = new Dictionary<string, string> { ["VERSION"] = "2" };
        var withExtra = new Dictionary<string, string> { ["VERSION"] = "1", ["EXTRA"] = "" };

        string hash1 = HashOf(_directory, buildArgs: version1);

        Assert.NotEqual(hash1, HashOf(_directory, buildArgs: version2));
        Assert.NotEqual(hash1, HashOf(_directory, buildArgs: withExtra));
        Assert.NotEqual(hash1, HashOf(_directory, buildArgs: NoBuildArgs));
    }

    [Fact]
    public void Hash_keeps_build_arg_names_and_values_apart()
    {
        var split1 = new Dictionary<string, string> { ["A"] = "BC" };
        var split2 = new Dictionary<string, string> { ["AB"] = "C" };

        Assert.NotEqual(
            HashOf(_directory, buildArgs: split1),
            HashOf(_directory, buildArgs: split2));
    }

    [Fact]
    public void Hash_ignores_the_order_of_build_args()
    {
        var ordered = new Dictionary<string, string> { ["A"] = "1", ["B"] = "2" };
        var reversed = new Dictionary<string, string> { ["B"] = "2", ["A"] = "1" };

        Assert.Equal(
            HashOf(_directory, buildArgs: ordered),
            HashOf(_directory, buildArgs: reversed));
    }

    private static string HashOf(
        TempDirectory directory,
        string? dockerfile = null,
        IReadOnlyDictionary<string, string>? buildArgs = null)
    {
        using BuildContext context = BuildContext.Create(
            directory.Path,
            dockerfile ?? directory.PathOf("Dockerfile"),
            buildArgs ?? NoBuildArgs);
        return context.ContentHash;
    }
}
