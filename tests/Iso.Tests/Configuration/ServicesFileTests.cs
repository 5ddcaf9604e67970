using Iso.Configuration;

namespace Iso.Tests.Configuration;

public sealed class ServicesFileTests : IDisposable
{
    private readonly TempProject project = new();

    public void Dispose() => project.Dispose();

    [Fact]
    public void Every_service_key_is_read()
    {
        var services = project.LoadServices(
            """
            services:
              mysql:
                image: mysql:8.0
                port: 3306
                command:
                  - --default-authentication-plugin=mysql_native_password
                environment:
                  MYSQL_ROOT_PASSWORD: rootpass
                ready_timeout: 90
                healthcheck:
                  command: [mysqladmin, ping]
                  interval: 2
                  timeout: 0.5
                extra_hosts:
                  - api:host-gateway
                volumes:
                  - mysql-data:/var/lib/mysql
            """
        );

        var mysql = Assert.Single(services);
        Assert.Equal("mysql", mysql.Name);
        Assert.Equal("mysql:8.0", mysql.Image);
        Assert.Equal(3306, mysql.Port);
        Assert.Equal(["--default-authentication-plugin=mysql_native_password"], mysql.Command);
        Assert.Equal("rootpass", mysql.Environment["MYSQL_ROOT_PASSWORD"]);
        Assert.Equal(TimeSpan.FromSeconds(90), mysql.ReadyTimeout);
        Assert.NotNull(mysql.HealthCheck);
        Assert.Equal(["mysqladmin", "ping"], mysql.HealthCheck.Command);
        Assert.Equal(TimeSpan.FromSeconds(2), mysql.HealthCheck.Interval);
        Assert.Equal(TimeSpan.FromMilliseconds(500), mysql.HealthCheck.Timeout);
        Assert.Equal([new ExtraHost("api", "host-gateway")], mysql.ExtraHosts);
        Assert.Equal([new ServiceVolume("mysql-data", "/var/lib/mysql")], mysql.Volumes);
    }

    [Fact]
    public void Service_with_only_an_image_gets_defaults()
    {
        var services = project.LoadServices("services:\n  redis:\n    image: redis:alpine\n");

        var redis = Assert.Single(services);
        Assert.Null(redis.Port);
        Assert.Null(redis.Command);
        Assert.Empty(redis.Environment);
        Assert.Equal(TimeSpan.FromSeconds(60), redis.ReadyTimeout);
        Assert.Null(redis.HealthCheck);
        Assert.Empty(redis.ExtraHosts);
        Assert.Empty(redis.Volumes);
    }

    [Fact]
    public void Services_are_returned_in_file_order()
    {
        var services = project.LoadServices(
            "services:\n  zeta:\n    image: a\n  alpha:\n    image: b\n  mid:\n    image: c\n"
        );

        Assert.Equal(["zeta", "alpha", "mid"], services.Select(service => service.Name));
    }

    [Fact]
    public void Service_environment_values_are_taken_as_text()
    {
        var services = project.LoadServices(
            "services:\n  db:\n    image: a\n    environment:\n      PORT: 3306\n      ON: yes\n"
        );

        Assert.Equal("3306", services[0].Environment["PORT"]);
        Assert.Equal("yes", services[0].Environment["ON"]);
    }

    [Theory]
    [InlineData("db")]
    [InlineData("db-1")]
    [InlineData("0")]
    public void Service_name_that_is_a_dns_label_is_accepted(string name)
    {
        var services = project.LoadServices($"services:\n  {name}:\n    image: a\n");

        Assert.Equal(name, Assert.Single(services).Name);
    }

    [Theory]
    [InlineData("Db")]
    [InlineData("my_db")]
    [InlineData("-db")]
    [InlineData("db-")]
    [InlineData("my.db")]
    public void Service_name_must_be_a_dns_label(string name)
    {
        var error = project.ServicesErrorFor($"services:\n  {name}:\n    image: a\n");

        Assert.Equal(2, error.Line);
        Assert.Equal(3, error.Column);
        Assert.Contains($"invalid service name '{name}'", error.Detail);
        Assert.Contains("must be a DNS label", error.Detail);
    }

    [Fact]
    public void Service_name_of_64_characters_is_an_error()
    {
        var name = new string('a', 64);

        var error = project.ServicesErrorFor($"services:\n  {name}:\n    image: a\n");

        Assert.Contains("must be a DNS label of 1 to 63", error.Detail);
    }

    [Theory]
    [InlineData("services:\n  db: {}\n")]
    [InlineData("services:\n  db:\n")]
    [InlineData("services:\n  db:\n    port: 3306\n")]
    public void Service_without_an_image_is_an_error_naming_the_service(string yaml)
    {
        var error = project.ServicesErrorFor(yaml);

        Assert.Equal(2, error.Line);
        Assert.Equal(3, error.Column);
        Assert.Contains("service 'db' is missing 'image'", error.Detail);
    }

    [Theory]
    [InlineData("''", "invalid 'services.db.image' ''")]
    [InlineData("'my image'", "invalid 'services.db.image' 'my image'")]
    [InlineData("[mysql]", "'services.db.image' must be a string, found a list")]
    public void Invalid_image_is_an_error(string image, string expected)
    {
        var error = project.ServicesErrorFor($"services:\n  db:\n    image: {image}\n");

        Assert.Equal(3, error.Line);
        Assert.Equal(12, error.Column);
        Assert.Contains(expected, error.Detail);
    }

    [Theory]
    [InlineData("0", "'services.db.port' must be from 1 to 65535, found '0'")]
    [InlineData("65536", "must be from 1 to 65535, found '65536'")]
    [InlineData("99999999999999999999999", "must be from 1 to 65535")]
    [InlineData("\"3306\"", "'services.db.port' must be a port number, found the string '3306'")]
    [InlineData("1.5", "must be a port number, found the number '1.5'")]
    [InlineData("[1]", "must be a port number, found a list")]
    public void Invalid_port_is_an_error(string port, string expected)
    {
        var error = project.ServicesErrorFor($"services:\n  db:\n    image: a\n    port: {port}\n");

        Assert.Equal(4, error.Line);
        Assert.Equal(11, error.Column);
        Assert.Contains(expected, error.Detail);
    }

    [Fact]
    public void Port_in_hexadecimal_is_read()
    {
        var services = project.LoadServices("services:\n  db:\n    image: a\n    port: 0x50\n");

        Assert.Equal(80, services[0].Port);
    }

    [Fact]
    public void Command_string_is_split_like_a_shell()
    {
        var services = project.LoadServices(
            "services:\n  db:\n    image: a\n    command: redis-server --save '' --name \"a b\"\n"
        );

        Assert.Equal(["redis-server", "--save", "", "--name", "a b"], services[0].Command);
    }

    [Fact]
    public void Command_list_takes_scalars_as_text()
    {
        var services = project.LoadServices(
            "services:\n  db:\n    image: a\n    command: [--port, 6380, --debug, true, 1.0]\n"
        );

        Assert.Equal(["--port", "6380", "--debug", "true", "1.0"], services[0].Command);
    }

    [Fact]
    public void Command_unclosed_quote_fails_at_command()
    {
        var error = project.ServicesErrorFor(
            "services:\n  db:\n    image: a\n    command: 'echo \"hi'\n"
        );

        Assert.Equal(4, error.Line);
        Assert.Equal(14, error.Column);
        Assert.Contains("invalid 'services.db.command'", error.Detail);
        Assert.Contains("the double quote at character 6 is not closed", error.Detail);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("''")]
    [InlineData("'   '")]
    public void Empty_command_is_an_error(string command)
    {
        var error = project.ServicesErrorFor(
            $"services:\n  db:\n    image: a\n    command: {command}\n"
        );

        Assert.Equal(14, error.Column);
        Assert.Contains("'services.db.command' is empty", error.Detail);
    }

    [Fact]
    public void Command_list_entry_fails()
    {
        var error = project.ServicesErrorFor(
            "services:\n  db:\n    image: a\n    command:\n      - run\n      - [x]\n"
        );

        Assert.Equal(6, error.Line);
        Assert.Equal(9, error.Column);
        Assert.Contains("'services.db.command' entry must be a word, found a list", error.Detail);
    }

    [Theory]
    [InlineData("0.25", 250)]
    [InlineData("120", 120_000)]
    [InlineData("1e2", 100_000)]
    public void Ready_timeout_accepts_integers_and_decimals(string text, int milliseconds)
    {
        var services = project.LoadServices(
            $"services:\n  db:\n    image: a\n    ready_timeout: {text}\n"
        );

        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), services[0].ReadyTimeout);
    }

    [Theory]
    [InlineData("0", "must be more than 0 and at most 86400 seconds, found '0'")]
    [InlineData("-5", "found '-5'")]
    [InlineData("86401", "found '86401'")]
    [InlineData(".inf", "found '.inf'")]
    [InlineData(".nan", "found '.nan'")]
    [InlineData("0xFFFFFFFFFFFFFFFFFF", "found '0xFFFFFFFFFFFFFFFFFF'")]
    [InlineData("'60'", "must be a number of seconds, found the string '60'")]
    [InlineData("60s", "must be a number of seconds, found the string '60s'")]
    public void Invalid_ready_timeout_is_an_error(string text, string expected)
    {
        var error = project.ServicesErrorFor(
            $"services:\n  db:\n    image: a\n    ready_timeout: {text}\n"
        );

        Assert.Equal(4, error.Line);
        Assert.Equal(20, error.Column);
        Assert.Contains("'services.db.ready_timeout'", error.Detail);
        Assert.Contains(expected, error.Detail);
    }

    [Fact]
    public void Healthcheck_string_gets_default_timing()
    {
        var services = project.LoadServices(
            "services:\n  db:\n    image: a\n    healthcheck: pg_isready -U postgres\n"
        );

        var check = services[0].HealthCheck;
        Assert.NotNull(check);
        Assert.Equal(["pg_isready", "-U", "postgres"], check.Command);
        Assert.Equal(TimeSpan.FromSeconds(1), check.Interval);
        Assert.Equal(TimeSpan.FromSeconds(5), check.Timeout);
    }

    [Fact]
    public void Healthcheck_as_a_list_is_the_command()
    {
        var services = project.LoadServices(
            "services:\n  db:\n    image: a\n    healthcheck: [redis-cli, ping]\n"
        );

        Assert.Equal(["redis-cli", "ping"], services[0].HealthCheck?.Command);
    }

    [Fact]
    public void Healthcheck_mapping_without_a_command_is_an_error()
    {
        var error = project.ServicesErrorFor(
            "services:\n  db:\n    image: a\n    healthcheck:\n      interval: 1\n"
        );

        Assert.Equal(5, error.Line);
        Assert.Equal(7, error.Column);
        Assert.Contains("'services.db.healthcheck' is missing 'command'", error.Detail);
    }

    [Fact]
    public void Healthcheck_with_an_unknown_key_suggests_the_nearest()
    {
        var error = project.ServicesErrorFor(
            "services:\n  db:\n    image: a\n    healthcheck:\n"
                + "      command: x\n      intervall: 1\n"
        );

        Assert.Equal(6, error.Line);
        Assert.Contains("in 'services.db.healthcheck'; did you mean 'interval'?", error.Detail);
    }

    [Fact]
    public void Healthcheck_interval_must_be_positive()
    {
        var error = project.ServicesErrorFor(
            "services:\n  db:\n    image: a\n    healthcheck:\n"
                + "      command: x\n      interval: 0\n"
        );

        Assert.Equal(6, error.Line);
        Assert.Equal(17, error.Column);
        Assert.Contains("'services.db.healthcheck.interval' must be more than 0", error.Detail);
    }

    [Fact]
    public void Healthcheck_without_a_value_is_an_error()
    {
        var error = project.ServicesErrorFor("services:\n  db:\n    image: a\n    healthcheck:\n");

        Assert.Contains(
            "'services.db.healthcheck' must be a list of words or a command string",
            error.Detail
        );
        Assert.Contains("found no value", error.Detail);
    }

    [Theory]
    [InlineData("data", "expected name:/absolute/path")]
    [InlineData("-data:/x", "the volume name '-data' is invalid")]
    [InlineData("my data:/x", "the volume name 'my data' is invalid")]
    [InlineData("data:x", "the path must be an absolute path, found 'x'")]
    [InlineData("data:/", "the path must not be '/'")]
    [InlineData("data:/x:ro", "the path must not contain ':'")]
    public void Malformed_service_volume_is_an_error_naming_the_entry(string entry, string expected)
    {
        var error = project.ServicesErrorFor(
            $"services:\n  db:\n    image: a\n    volumes:\n      - \"{entry}\"\n"
        );

        Assert.Equal(5, error.Line);
        Assert.Equal(9, error.Column);
        Assert.Contains($"invalid 'services.db.volumes' entry '{entry}'", error.Detail);
        Assert.Contains(expected, error.Detail);
    }

    [Fact]
    public void Service_volume_path_listed_twice_is_an_error()
    {
        var error = project.ServicesErrorFor(
            "services:\n  db:\n    image: a\n    volumes: [a:/data, b:/data/]\n"
        );

        Assert.Equal(4, error.Line);
        Assert.Equal(24, error.Column);
        Assert.Contains("duplicate path '/data' in 'services.db.volumes'", error.Detail);
    }

    [Fact]
    public void Services_that_is_a_list_is_an_error()
    {
        var error = project.ServicesErrorFor("services:\n  - db\n");

        Assert.Equal(2, error.Line);
        Assert.Equal(3, error.Column);
        Assert.Contains("'services' must be a mapping of service names to settings", error.Detail);
    }

    [Fact]
    public void Service_that_is_a_string_is_an_error()
    {
        var error = project.ServicesErrorFor("services:\n  db: mysql:8.0\n");

        Assert.Equal(2, error.Line);
        Assert.Equal(7, error.Column);
        Assert.Contains("'services.db' must be a mapping of settings", error.Detail);
        Assert.Contains("found the string 'mysql:8.0'", error.Detail);
    }
}
