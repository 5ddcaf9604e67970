namespace Iso.Tests.Configuration;

public sealed class StrictYamlTests : IDisposable
{
    private readonly TempProject project = new();

    public void Dispose() => project.Dispose();

    [Fact]
    public void Unknown_key_suggests_the_nearest_valid_key()
    {
        var error = project.ConfigErrorFor("workdir: /code\n\nprivilidged: true\n");

        Assert.Equal(".iso/config.yml", error.File);
        Assert.Equal(3, error.Line);
        Assert.Equal(1, error.Column);
        Assert.Contains("unknown key 'privilidged'", error.Detail);
        Assert.EndsWith("did you mean 'privileged'?", error.Detail);
    }

    [Theory]
    [InlineData("volume", "volumes")]
    [InlineData("Workdir", "workdir")]
    [InlineData("extra-hosts", "extra_hosts")]
    [InlineData("env", "environment")]
    [InlineData("caches", "cache")]
    public void Unknown_key_suggestion_covers_common_slips(string key, string suggestion)
    {
        var error = project.ConfigErrorFor($"{key}: x\n");

        Assert.Contains($"did you mean '{suggestion}'?", error.Detail);
    }

    [Fact]
    public void Unknown_far_key_lists_valid_keys()
    {
        var error = project.ConfigErrorFor("zzzzzz: 1\n");

        Assert.Contains("unknown key 'zzzzzz'", error.Detail);
        Assert.DoesNotContain("did you mean", error.Detail);
        Assert.Contains("valid keys are 'name', 'privileged', 'workdir'", error.Detail);
    }

    [Fact]
    public void Unknown_nested_key_names_its_parent()
    {
        var error = project.ConfigErrorFor("build:\n  contxt: .\n");

        Assert.Equal(2, error.Line);
        Assert.Equal(3, error.Column);
        Assert.Contains("unknown key 'contxt' in 'build'", error.Detail);
        Assert.Contains("did you mean 'context'?", error.Detail);
    }

    [Fact]
    public void Unknown_service_key_suggests_the_nearest_valid_key()
    {
        var error = project.ServicesErrorFor("services:\n  db:\n    imgae: mysql\n");

        Assert.Equal(".iso/services.yml", error.File);
        Assert.Equal(3, error.Line);
        Assert.Equal(5, error.Column);
        Assert.Contains("unknown key 'imgae' in 'services.db'", error.Detail);
        Assert.Contains("did you mean 'image'?", error.Detail);
    }

    [Fact]
    public void Duplicate_key_fails_at_second_occurrence()
    {
        var error = project.ConfigErrorFor("workdir: /a\nprivileged: true\nworkdir: /b\n");

        Assert.Equal(3, error.Line);
        Assert.Equal(1, error.Column);
        Assert.Contains("duplicate key 'workdir'", error.Detail);
        Assert.Contains("first defined at line 1, column 1", error.Detail);
        Assert.Contains("remove one of them", error.Detail);
    }

    [Fact]
    public void Duplicate_nested_key_fails()
    {
        var error = project.ConfigErrorFor("environment:\n  A: 1\n  B: 2\n  A: 3\n");

        Assert.Equal(4, error.Line);
        Assert.Equal(3, error.Column);
        Assert.Contains("duplicate key 'A'", error.Detail);
    }

    [Fact]
    public void Duplicate_flow_mapping_key_fails()
    {
        var error = project.ConfigErrorFor("environment: {A: 1, A: 2}\n");

        Assert.Equal(1, error.Line);
        Assert.Equal(21, error.Column);
        Assert.Contains("duplicate key 'A'", error.Detail);
    }

    [Fact]
    public void Duplicate_service_is_an_error()
    {
        var error = project.ServicesErrorFor(
            "services:\n  db:\n    image: a\n  db:\n    image: b\n"
        );

        Assert.Equal(4, error.Line);
        Assert.Equal(3, error.Column);
        Assert.Contains("duplicate key 'db'", error.Detail);
    }

    [Fact]
    public void Syntax_error_gives_the_position()
    {
        var error = project.ConfigErrorFor("workdir: /code\nvolumes: @x\n");

        Assert.Equal(".iso/config.yml", error.File);
        Assert.Equal(2, error.Line);
        Assert.Equal(10, error.Column);
        Assert.StartsWith("invalid YAML: ", error.Detail);
        Assert.Contains("fix the syntax", error.Detail);
    }

    [Fact]
    public void Bad_indentation_is_a_syntax_error()
    {
        var error = project.ConfigErrorFor("workdir: /code\n  privileged: true\n");

        Assert.Equal(2, error.Line);
        Assert.StartsWith("invalid YAML: ", error.Detail);
    }

    [Fact]
    public void Unclosed_quote_is_a_syntax_error()
    {
        var error = project.ConfigErrorFor("workdir: '/code\n");

        Assert.Equal(1, error.Line);
        Assert.Equal(10, error.Column);
        Assert.Contains("quoted scalar", error.Detail);
    }

    [Fact]
    public void Unclosed_bracket_is_a_syntax_error()
    {
        // YamlDotNet 18.1.0 throws InvalidOperationException for this input.
        var error = project.ConfigErrorFor("volumes: [/a, /b\nworkdir: /code\n");

        Assert.Equal(1, error.Line);
        Assert.StartsWith("invalid YAML", error.Detail);
        Assert.Contains("unclosed '['", error.Detail);
    }

    [Fact]
    public void Second_document_is_an_error()
    {
        var error = project.ConfigErrorFor("workdir: /a\n---\nworkdir: /b\n");

        Assert.Equal(2, error.Line);
        Assert.Equal(1, error.Column);
        Assert.Contains("expected one YAML document but found a second one", error.Detail);
    }

    [Theory]
    [InlineData("- /data\n", "a list")]
    [InlineData("workdir\n", "the string 'workdir'")]
    [InlineData("42\n", "the number '42'")]
    public void Top_level_that_is_not_a_mapping_is_an_error(string yaml, string found)
    {
        var error = project.ConfigErrorFor(yaml);

        Assert.Equal(1, error.Line);
        Assert.Equal(1, error.Column);
        Assert.Contains("the top level must be a mapping of keys to values", error.Detail);
        Assert.Contains($"found {found}", error.Detail);
    }

    [Fact]
    public void Services_top_level_accepts_only_services()
    {
        var error = project.ServicesErrorFor("db:\n  image: mysql\n");

        Assert.Equal(1, error.Line);
        Assert.Equal(1, error.Column);
        Assert.Contains("unknown key 'db'", error.Detail);
        Assert.Contains("valid keys are 'services'", error.Detail);
    }

    [Fact]
    public void Anchors_and_aliases_are_supported()
    {
        var services = project.LoadServices(
            """
            services:
              db:
                image: mysql
                environment: &shared
                  USER: app
              cache:
                image: &image redis
                command: [redis-server, *image]
                environment: *shared
            """
        );

        Assert.Equal("app", services[1].Environment["USER"]);
        Assert.Equal(["redis-server", "redis"], services[1].Command);
    }

    [Fact]
    public void Aliased_scalar_errors_point_at_the_alias()
    {
        var error = project.ConfigErrorFor("environment:\n  A: &v code\nworkdir: *v\n");

        Assert.Equal(3, error.Line);
        Assert.Equal(10, error.Column);
        Assert.Contains("'workdir' must be an absolute path, found 'code'", error.Detail);
    }

    [Fact]
    public void Alias_to_an_undefined_anchor_is_an_error()
    {
        var error = project.ConfigErrorFor("workdir: *missing\n");

        Assert.Equal(1, error.Line);
        Assert.Equal(10, error.Column);
        Assert.Contains("alias '*missing' refers to an anchor that is not defined", error.Detail);
    }

    [Fact]
    public void Self_referencing_alias_fails()
    {
        var error = project.ConfigErrorFor("volumes: &v [/a, *v]\n");

        Assert.Equal(18, error.Column);
        Assert.Contains("alias '*v'", error.Detail);
    }

    [Fact]
    public void Merge_key_is_rejected()
    {
        var error = project.ServicesErrorFor(
            "services:\n  db:\n    image: a\n  web:\n    <<: {image: b}\n"
        );

        Assert.Equal(5, error.Line);
        Assert.Equal(5, error.Column);
        Assert.Contains("merge keys ('<<') in 'services.web' are not supported", error.Detail);
    }

    [Fact]
    public void String_tag_makes_a_scalar_a_string()
    {
        var config = project.LoadConfig("name: !!str 123\n");

        Assert.Equal("123", config.Name);
    }

    [Fact]
    public void Other_tags_are_rejected()
    {
        var error = project.ConfigErrorFor("privileged: !!bool true\n");

        Assert.Equal(13, error.Column);
        Assert.Contains("unsupported YAML tag 'tag:yaml.org,2002:bool'", error.Detail);
    }

    [Fact]
    public void Key_that_is_a_list_is_an_error()
    {
        var error = project.ConfigErrorFor("? [a, b]\n: 1\n");

        Assert.Equal(1, error.Line);
        Assert.Equal(3, error.Column);
        Assert.Contains("a key must be a scalar, found a list", error.Detail);
    }

    [Fact]
    public void Deep_nesting_fails_without_overflow()
    {
        var yaml = "volumes: " + new string('[', 10_000) + new string(']', 10_000) + "\n";

        var error = project.ConfigErrorFor(yaml);

        Assert.Contains("nested more than 64 levels", error.Detail);
    }

    [Fact]
    public void Multiline_value_stays_on_one_line()
    {
        var error = project.ConfigErrorFor("workdir: |\n  code\n  more\n");

        Assert.Contains(@"found 'code\nmore\n'", error.Detail);
    }

    [Fact]
    public void Long_value_is_shortened_in_the_message()
    {
        var error = project.ConfigErrorFor($"workdir: {new string('x', 500)}\n");

        Assert.Contains("...'", error.Detail);
        Assert.True(error.Detail.Length < 300, error.Detail);
    }
}
