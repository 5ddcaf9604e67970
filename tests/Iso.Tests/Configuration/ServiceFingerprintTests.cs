using Iso.Configuration;

namespace Iso.Tests.Configuration;

public sealed class ServiceFingerprintTests
{
    private static readonly HealthCheck Check = new(
        ["ping"],
        TimeSpan.FromSeconds(1),
        TimeSpan.FromSeconds(5)
    );

    private static readonly ServiceDefinition Base = new(
        "db",
        "mysql:8.0",
        3306,
        ["--flag"],
        Variables(("A", "1"), ("B", "2")),
        TimeSpan.FromSeconds(60),
        Check,
        [new ExtraHost("api", "10.0.0.1")],
        [new ServiceVolume("data", "/var/lib/x")]
    );

    public static TheoryData<string, ServiceDefinition> Changes =>
        new()
        {
            { "name", Base with { Name = "db2" } },
            { "image", Base with { Image = "mysql:8.1" } },
            { "port", Base with { Port = 3307 } },
            { "no port", Base with { Port = null } },
            { "command", Base with { Command = ["--other"] } },
            { "no command", Base with { Command = null } },
            { "command split", Base with { Command = ["--fl", "ag"] } },
            {
                "environment value",
                Base with { Environment = Variables(("A", "1"), ("B", "3")) }
            },
            {
                "environment key",
                Base with { Environment = Variables(("A", "1"), ("C", "2")) }
            },
            { "ready timeout", Base with { ReadyTimeout = TimeSpan.FromSeconds(61) } },
            { "no healthcheck", Base with { HealthCheck = null } },
            {
                "healthcheck command",
                Base with { HealthCheck = Check with { Command = ["pong"] } }
            },
            {
                "healthcheck interval",
                Base with { HealthCheck = Check with { Interval = TimeSpan.FromSeconds(2) } }
            },
            {
                "healthcheck timeout",
                Base with { HealthCheck = Check with { Timeout = TimeSpan.FromSeconds(6) } }
            },
            { "extra host", Base with { ExtraHosts = [new ExtraHost("api", "10.0.0.2")] } },
            { "no extra hosts", Base with { ExtraHosts = [] } },
            { "volume name", Base with { Volumes = [new ServiceVolume("data2", "/var/lib/x")] } },
            { "volume path", Base with { Volumes = [new ServiceVolume("data", "/var/lib/y")] } },
        };

    [Theory]
    [MemberData(nameof(Changes))]
    public void Fingerprint_changes_when_a_field_changes(string field, ServiceDefinition changed)
    {
        Assert.False(
            Base.Fingerprint() == changed.Fingerprint(),
            $"changing the {field} kept the fingerprint"
        );
    }

    [Fact]
    public void Fingerprint_is_equal_for_equal_definitions()
    {
        var copy = Base with
        {
            Command = ["--flag"],
            Environment = Variables(("B", "2"), ("A", "1")),
            ExtraHosts = [new ExtraHost("api", "10.0.0.1")],
        };

        Assert.Equal(Base.Fingerprint(), copy.Fingerprint());
    }

    [Fact]
    public void Fingerprint_keeps_separators_inside_values_apart()
    {
        var joined = Base with { Command = ["a\",\"b"] };
        var split = Base with { Command = ["a", "b"] };

        Assert.NotEqual(joined.Fingerprint(), split.Fingerprint());
    }

    [Fact]
    public void Fingerprint_of_loaded_services_ignores_environment_order()
    {
        using var project = new TempProject();
        var first = project.LoadServices(
            "services:\n  db:\n    image: a\n    environment: {A: 1, B: 2}\n"
        );
        var second = project.LoadServices(
            "services:\n  db:\n    image: a\n    environment: {B: 2, A: 1}\n"
        );

        Assert.Equal(first[0].Fingerprint(), second[0].Fingerprint());
    }

    private static Dictionary<string, string> Variables(
        params (string Name, string Value)[] pairs
    ) =>
        pairs.ToDictionary(pair => pair.Name, pair => pair.Value);
}
