using System.Security.Cryptography;
using System.Text;

namespace Iso.Tests.Integration;

public sealed class RunStreamTests(SharedProject shared) : IClassFixture<SharedProject>
{
    private TestProject Project => shared.Project;

    [SkippableFact(Timeout = 120_000)]
    public async Task Stdout_and_stderr_arrive_separately()
    {
        Engine.RequireEngine();

        var result = await Project.IsoAsync("run", "sh", "-c", "echo out; echo err >&2; echo out2");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("out\nout2\n", result.StandardOutput);
        Assert.Equal("err\n", result.StandardError);
    }

    [SkippableFact(Timeout = 120_000)]
    public async Task Binary_data_passes_through_a_pipe_unchanged()
    {
        Engine.RequireEngine();
        var data = RandomNumberGenerator.GetBytes(3 * 1024 * 1024 + 17);
        data[0] = (byte)'\r';
        data[1] = (byte)'\n';

        var result = await Project.IsoAsync(data, "run", "cat");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(data.Length, result.StandardOutputBytes.Length);
        Assert.Equal(SHA256.HashData(data), SHA256.HashData(result.StandardOutputBytes));
    }

    [SkippableFact(Timeout = 120_000)]
    public async Task Stdin_end_reaches_the_command()
    {
        Engine.RequireEngine();

        var result = await Project.IsoAsync("a\nb\n"u8.ToArray(), "run", "wc", "-l");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("2", result.StandardOutput.Trim());
    }

    [SkippableFact(Timeout = 120_000)]
    public async Task Empty_stdin_is_end_of_file_at_once()
    {
        Engine.RequireEngine();

        var result = await Project.IsoAsync([], "run", "cat");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.StandardOutput);
    }

    [SkippableFact(Timeout = 120_000)]
    public async Task Output_written_just_before_exit_is_not_lost()
    {
        Engine.RequireEngine();
        await Project.IsoAsync("build");

        for (var attempt = 0; attempt < 5; attempt++)
        {
            var result = await Project.IsoAsync(
                "run", "sh", "-c", "seq 1 20000; echo last-line; echo to-stderr >&2; exit 7");

            Assert.True(result.ExitCode == 7, result.ToString());
            Assert.EndsWith("20000\nlast-line\n", result.StandardOutput);
            Assert.Equal(20002, result.StandardOutput.Split('\n').Length);
            Assert.Equal("to-stderr\n", result.StandardError);
        }
    }

    [SkippableFact(Timeout = 120_000)]
    public async Task Interleaved_short_writes_all_arrive()
    {
        Engine.RequireEngine();
        var script = "i=0; while [ $i -lt 2000 ]; do echo o$i; echo e$i >&2; i=$((i+1)); done";

        var result = await Project.IsoAsync("run", "sh", "-c", script);

        Assert.True(result.ExitCode == 0, result.ToString());
        var expectedOut = new StringBuilder();
        var expectedErr = new StringBuilder();
        for (var i = 0; i < 2000; i++)
        {
            expectedOut.Append($"o{i}\n");
            expectedErr.Append($"e{i}\n");
        }

        Assert.Equal(expectedOut.ToString(), result.StandardOutput);
        Assert.Equal(expectedErr.ToString(), result.StandardError);
    }
}
