using Iso.Configuration;

namespace Iso.Tests.Configuration;

public sealed class ConfigFileTests : IDisposable
{
    private readonly TempProject project = new();

    public void Dispose() => project.Dispose();

    [Fact]
    public void Every_key_is_read()
    {
        Directory.CreateDirectory(Path.Combine(project.Root, "docker"));

        var config = project.LoadConfig(
            """
            name: my-app
            privileged: true
            workdir: /code
            volumes:
              - /data
              - /go/pkg
            environment:
              GREETING: hello
            cache:
              - /root/.cache
            binds:
              - ~/.ssh:/root/.ssh:ro
            extra_hosts:
              - db.local:10.0.0.5
            ports:
              - 8080:80
            build:
              context: docker
              args:
                VERSION: "1.2"
            """
        );

        Assert.Equal("my-app", config.Name);
        Assert.True(config.Privileged);
        Assert.Equal("/code", config.Workdir);
        Assert.Equal(["/data", "/go/pkg"], config.Volumes);
        Assert.Equal("hello", config.Environment["GREETING"]);
        Assert.Equal(["/root/.cache"], config.Cache);
        Assert.Equal(
            [new BindMount("/home/tester/.ssh", "/root/.ssh", ReadOnly: true)],
            config.Binds
        );
        Assert.Equal([new ExtraHost("db.local", "10.0.0.5")], config.ExtraHosts);
        Assert.Equal([new PortMapping(null, 8080, 80, "tcp")], config.Ports);
        Assert.Equal(Path.Combine(project.Root, "docker"), config.Build.Context);
        Assert.Equal("1.2", config.Build.Args["VERSION"]);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("TRUE", true)]
    [InlineData("false", false)]
    [InlineData("False", false)]
    public void Privileged_accepts_yaml_booleans(string text, bool expected)
    {
        var config = project.LoadConfig($"privileged: {text}\n");

        Assert.Equal(expected, config.Privileged);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("no")]
    [InlineData("on")]
    [InlineData("Off")]
    public void Privileged_rejects_yaml_1_1_booleans(string text)
    {
        var error = project.ConfigErrorFor($"privileged: {text}\n");

        Assert.Equal(1, error.Line);
        Assert.Equal(13, error.Column);
        Assert.Contains("'privileged' must be true or false", error.Detail);
        Assert.Contains($"'{text}'", error.Detail);
        Assert.Contains("YAML 1.2 reads it as a string", error.Detail);
    }

    [Fact]
    public void Privileged_in_quotes_is_a_type_error()
    {
        var error = project.ConfigErrorFor("privileged: \"true\"\n");

        Assert.Equal(13, error.Column);
        Assert.Contains("found the string 'true'", error.Detail);
    }

    [Fact]
    public void Scalar_key_without_value_fails()
    {
        var error = project.ConfigErrorFor("workdir:\n");

        Assert.Equal(1, error.Line);
        Assert.Contains("'workdir' must be a string, found no value", error.Detail);
        Assert.Contains("remove the key", error.Detail);
    }

    [Fact]
    public void List_key_without_value_is_empty()
    {
        var config = project.LoadConfig(
            "volumes:\ncache:\nbinds:\nextra_hosts:\nports:\nenvironment:\nbuild:\n"
        );

        Assert.Empty(config.Volumes);
        Assert.Empty(config.Cache);
        Assert.Empty(config.Binds);
        Assert.Empty(config.ExtraHosts);
        Assert.Empty(config.Ports);
        Assert.Empty(config.Environment);
        Assert.Equal(project.IsoDirectory, config.Build.Context);
    }

    [Fact]
    public void Environment_scalars_are_taken_as_text()
    {
        var config = project.LoadConfig(
            """
            environment:
              PORT: 3306
              DEBUG: true
              RATIO: 1.50
              HEX: 0x1F
              EMPTY:
              TILDE: ~
              QUOTED: "007"
              SPACED: hello world
            """
        );

        Assert.Equal("3306", config.Environment["PORT"]);
        Assert.Equal("true", config.Environment["DEBUG"]);
        Assert.Equal("1.50", config.Environment["RATIO"]);
        Assert.Equal("0x1F", config.Environment["HEX"]);
        Assert.Equal("", config.Environment["EMPTY"]);
        Assert.Equal("", config.Environment["TILDE"]);
        Assert.Equal("007", config.Environment["QUOTED"]);
        Assert.Equal("hello world", config.Environment["SPACED"]);
    }

    [Fact]
    public void Environment_list_value_fails()
    {
        var error = project.ConfigErrorFor("environment:\n  PATHS:\n    - /a\n");

        Assert.Equal(3, error.Line);
        Assert.Equal(5, error.Column);
        Assert.Contains("'environment.PATHS' must be a single value, found a list", error.Detail);
    }

    [Theory]
    [InlineData("MY-VAR", "MY_VAR")]
    [InlineData("1ST", "_1ST")]
    [InlineData("A.B", "A_B")]
    public void Environment_name_must_be_a_variable_name(string name, string suggestion)
    {
        var error = project.ConfigErrorFor($"environment:\n  {name}: x\n");

        Assert.Equal(2, error.Line);
        Assert.Equal(3, error.Column);
        Assert.Contains($"invalid variable name '{name}' in 'environment'", error.Detail);
        Assert.Contains($"as in '{suggestion}'", error.Detail);
    }

    [Fact]
    public void Environment_that_is_a_list_is_an_error()
    {
        var error = project.ConfigErrorFor("environment:\n  - A=1\n");

        Assert.Equal(2, error.Line);
        Assert.Equal(3, error.Column);
        Assert.Contains(
            "'environment' must be a mapping of variable names to values",
            error.Detail
        );
        Assert.Contains("found a list", error.Detail);
    }

    [Theory]
    [InlineData("my-app")]
    [InlineData("app2")]
    [InlineData("0.name_x")]
    public void Valid_name_is_kept(string name)
    {
        var config = project.LoadConfig($"name: {name}\n");

        Assert.Equal(name, config.Name);
    }

    [Theory]
    [InlineData("My App", "'my-app'")]
    [InlineData("-app", "'app'")]
    [InlineData("app/x", "'app-x'")]
    public void Invalid_name_lists_allowed_characters(string name, string suggestion)
    {
        var error = project.ConfigErrorFor($"name: \"{name}\"\n");

        Assert.Equal(1, error.Line);
        Assert.Equal(7, error.Column);
        Assert.Contains($"invalid 'name' '{name}'", error.Detail);
        Assert.Contains("lower-case letters, digits, '_', '.' and '-'", error.Detail);
        Assert.Contains($"write it as {suggestion}", error.Detail);
    }

    [Fact]
    public void Name_that_is_a_number_must_be_quoted()
    {
        var error = project.ConfigErrorFor("name: 123\n");

        Assert.Contains("'name' must be a string, found the number '123'", error.Detail);
        Assert.Contains("put the value in quotes", error.Detail);
    }

    [Fact]
    public void Error_names_project_relative_file()
    {
        var error = project.ConfigErrorFor("privileged: maybe\n");

        Assert.Equal(".iso/config.yml", error.File);
    }

    [Fact]
    public void Windows_line_endings_are_accepted()
    {
        var config = project.LoadConfig("privileged: true\r\nworkdir: /code\r\n");

        Assert.True(config.Privileged);
        Assert.Equal("/code", config.Workdir);
    }

    [Fact]
    public void Error_after_windows_line_endings_has_the_right_line()
    {
        var error = project.ConfigErrorFor("privileged: true\r\nworkdir: code\r\n");

        Assert.Equal(2, error.Line);
        Assert.Equal(10, error.Column);
    }
}
