namespace Iso.Tests.Integration;

/// <summary>services.yml fragments for real servers from the Debian test image.</summary>
public static class ServiceDefinitions
{
    public const string Redis = """
          redis:
            image: iso-base/debian:bookworm
            command: [redis-server, --port, "6379", --protected-mode, "no", --save, ""]
            port: 6379
        """;

    // initdb trusts every host here: the server is reachable only on the session network.
    public const string Postgres = """
          postgres:
            image: iso-base/debian:bookworm
            command:
              - sh
              - -c
              - >-
                mkdir -p /run/postgresql && chown postgres /run/postgresql &&
                su postgres -c '/usr/lib/postgresql/15/bin/initdb -D /tmp/pg -A trust >/dev/null &&
                echo "host all all 0.0.0.0/0 trust" >> /tmp/pg/pg_hba.conf &&
                exec /usr/lib/postgresql/15/bin/postgres -D /tmp/pg -c listen_addresses=*'
            port: 5432
        """;

    /// <summary>A redis that opens its port only after <paramref name="seconds"/>.</summary>
    public static string SlowRedis(string name, int seconds) => $"""
          {name}:
            image: iso-base/debian:bookworm
            command: [sh, -c, "echo starting-{name}; sleep {seconds}; exec redis-server --port 6379 --protected-mode no --save ''"]
            port: 6379
        """;

    public static string File(params string[] services) =>
        "services:\n" + string.Join("\n", services) + "\n";
}
