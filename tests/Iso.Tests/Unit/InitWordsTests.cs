using Iso.Init;
using Iso.Services;

namespace Iso.Tests.Unit;

public sealed class InitWordsTests
{
    [Fact]
    public void Init_options_end_at_the_double_dash()
    {
        var options = InitOptions.Parse(
            ["--hooks", "/w/.iso", "--run-id", "r1", "--tty-size", "40x120",
             "--await", "db=10.0.0.2:5432:60000", "--", "ls", "--hooks"]);

        Assert.Equal("/w/.iso", options.HooksDirectory);
        Assert.Equal("r1", options.RunId);
        Assert.Equal((ushort)40, options.TerminalSize!.Value.Rows);
        Assert.Equal((ushort)120, options.TerminalSize!.Value.Columns);
        Assert.Equal(new ReadinessTarget("db", "10.0.0.2", 5432, TimeSpan.FromSeconds(60)), options.Await.Single());
        Assert.Equal(["ls", "--hooks"], options.Command);
    }

    [Fact]
    public void Readiness_target_round_trips_through_its_text()
    {
        var target = new ReadinessTarget("cache", "172.18.0.3", 6379, TimeSpan.FromMilliseconds(2500));

        Assert.Equal(target, ReadinessTarget.Parse(target.ToString()));
    }

    [Fact]
    public void Shebang_line_chooses_the_interpreter()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "#!/usr/bin/env  bash -e\necho\n");
            Assert.Equal(["/usr/bin/env", "bash -e", path], HookScript.Arguments(path));

            File.WriteAllText(path, "echo no shebang\n");
            Assert.Equal(["/bin/sh", path], HookScript.Arguments(path));

            File.WriteAllText(path, "#!/bin/sh\r\necho\r\n");
            Assert.True(HookScript.HasCrLf(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("redis", "redis", "latest")]
    [InlineData("redis:7", "redis", "7")]
    [InlineData("127.0.0.1:5000/team/app:1.2", "127.0.0.1:5000/team/app", "1.2")]
    [InlineData("127.0.0.1:5000/app", "127.0.0.1:5000/app", "latest")]
    public void Image_reference_splits_into_name_and_tag(string image, string name, string tag)
    {
        Assert.Equal((name, tag), ImagePuller.Split(image));
    }
}
