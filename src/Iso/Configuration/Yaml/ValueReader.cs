using Iso.Errors;

namespace Iso.Configuration.Yaml;

/// <summary>
/// Converts nodes of one file to typed values, strictly: a wrong type is an error that names
/// the key, the value found and the fix. A key present with no value is an error for
/// scalars, and means empty for lists and mappings.
/// </summary>
internal sealed class ValueReader(ConfigFile file)
{
    // Limitation: durations are capped at one day. CancellationTokenSource.CancelAfter rejects
    // more than about 49.7 days, and no service should need a day to become ready.
    private const double MaxSeconds = 86_400;

    public ConfigFile File => file;

    /// <summary>Returns <paramref name="key"/> quoted, as a message names it.</summary>
    public static string KeyName(string key) => MessageText.Quote(key);

    /// <summary>Returns the phrase that names an entry of the list at <c>key</c>.</summary>
    public static string EntryName(string key) => $"{MessageText.Quote(key)} entry";

    /// <summary>
    /// Creates the error "<paramref name="subject"/> must be <paramref name="expected"/>, found
    /// ...; <paramref name="fix"/>" at <paramref name="node"/>.
    /// </summary>
    public ConfigException TypeError(
        ConfigNode node,
        string subject,
        string expected,
        string fix
    ) =>
        file.Error(node, $"{subject} must be {expected}, found {node.Describe()}; {fix}");

    /// <summary>Reads a YAML 1.2 boolean. YAML 1.1 words such as <c>yes</c> are rejected.</summary>
    public bool ReadBoolean(ConfigNode node, string key)
    {
        if (node is ScalarNode { Kind: ScalarKind.Boolean } scalar)
        {
            return scalar.Value.Equals("true", StringComparison.OrdinalIgnoreCase);
        }

        var fix = IsYaml11Boolean(node)
            ? "YAML 1.2 reads it as a string, so write true or false"
            : "write true or false";
        throw TypeError(node, KeyName(key), "true or false", fix);
    }

    /// <summary>Reads a scalar that resolves to a string, such as a path or a name.</summary>
    public string ReadString(ConfigNode node, string key)
    {
        if (node is ScalarNode { Kind: ScalarKind.String } scalar)
        {
            return scalar.Value;
        }

        throw TypeError(node, KeyName(key), "a string", FixForString(node));
    }

    /// <summary>
    /// Reads any scalar but null as its text as written, for values with a syntax of their
    /// own (ports, binds, command words) where <c>8080</c> and <c>'8080'</c> mean the same.
    /// </summary>
    public ScalarNode ReadText(ConfigNode node, string subject, string expected)
    {
        if (node is ScalarNode { IsNull: false } scalar)
        {
            return scalar;
        }

        var fix = node is ScalarNode ? "write a value or remove the entry" : $"write {expected}";
        throw TypeError(node, subject, expected, fix);
    }

    /// <summary>Reads a TCP or UDP port number from 1 to 65535.</summary>
    public int ReadPort(ConfigNode node, string key)
    {
        if (node is not ScalarNode { Kind: ScalarKind.Integer } scalar)
        {
            throw TypeError(node, KeyName(key), "a port number", FixForNumber(node, "3306"));
        }

        if (!CoreSchema.TryParseInteger(scalar.Value, out var port) || port is < 1 or > 65535)
        {
            throw file.Error(
                node,
                $"{KeyName(key)} must be from 1 to 65535, found {MessageText.Quote(scalar.Value)}; "
                    + "write a valid port number"
            );
        }

        return (int)port;
    }

    /// <summary>Reads a positive number of seconds, an integer or a decimal such as 0.5.</summary>
    public TimeSpan ReadSeconds(ConfigNode node, string key)
    {
        if (node is not ScalarNode { Kind: ScalarKind.Integer or ScalarKind.Float } scalar)
        {
            throw TypeError(node, KeyName(key), "a number of seconds", FixForNumber(node, "30"));
        }

        var seconds = scalar.Kind == ScalarKind.Float
            ? CoreSchema.ParseFloat(scalar.Value)
            : CoreSchema.ParseIntegerOrInfinity(scalar.Value);
        if (!(seconds > 0 && seconds <= MaxSeconds))
        {
            throw file.Error(
                node,
                $"{KeyName(key)} must be more than 0 and at most {MaxSeconds} seconds, found "
                    + $"{MessageText.Quote(scalar.Value)}; write a number of seconds such as 30"
            );
        }

        return TimeSpan.FromSeconds(seconds);
    }

    /// <summary>
    /// Reads a list of non-null scalars, each taken as its text. A key with no value is an
    /// empty list. <paramref name="expectedEntry"/> describes one entry, such as "a word".
    /// </summary>
    public IReadOnlyList<ScalarNode> ReadTextList(
        ConfigNode node,
        string key,
        string expectedList,
        string expectedEntry
    )
    {
        if (node is ScalarNode { IsNull: true })
        {
            return [];
        }

        if (node is not SequenceNode sequence)
        {
            throw TypeError(node, KeyName(key), expectedList, "write one '- value' line per entry");
        }

        return [.. sequence.Items.Select(item => ReadText(item, EntryName(key), expectedEntry))];
    }

    /// <summary>
    /// Reads a list of entries that have a syntax of their own, such as <c>8080:80</c>, and
    /// parses each with <paramref name="parse"/>, whose <see cref="FormatException"/> message
    /// becomes the error. A key with no value is an empty list.
    /// </summary>
    public IReadOnlyList<ParsedEntry<T>> ReadEntries<T>(
        ConfigNode node,
        string key,
        string syntax,
        Func<string, T> parse
    )
    {
        var entries = new List<ParsedEntry<T>>();
        var scalars = ReadTextList(
            node,
            key,
            $"a list of entries of the form {syntax}",
            $"an entry of the form {syntax}"
        );
        foreach (var scalar in scalars)
        {
            try
            {
                entries.Add(new ParsedEntry<T>(scalar, parse(scalar.Value)));
            }
            catch (FormatException e)
            {
                throw file.Error(
                    scalar,
                    $"invalid {EntryName(key)} {MessageText.Quote(scalar.Value)}: {e.Message}"
                );
            }
        }

        return entries;
    }

    /// <summary>
    /// Reads the root of a file, which must be a mapping. A file without a document is an
    /// empty mapping.
    /// </summary>
    public MappingNode ReadTopLevel(ConfigNode? root) =>
        root switch
        {
            null => new MappingNode(new SourcePosition(1, 1), []),
            MappingNode mapping => mapping,
            _ => throw TypeError(
                root,
                "the top level",
                "a mapping of keys to values",
                "write one 'key: value' line per setting"
            ),
        };

    /// <summary>Reads a mapping, or returns null when the key has no value.</summary>
    public MappingNode? ReadMapping(ConfigNode node, string key, string expected, string fix) =>
        node switch
        {
            MappingNode mapping => mapping,
            ScalarNode { IsNull: true } => null,
            _ => throw TypeError(node, KeyName(key), expected, fix),
        };

    private static bool IsYaml11Boolean(ConfigNode node) =>
        node is ScalarNode { Kind: ScalarKind.String } scalar
        && scalar.Value.ToLowerInvariant() is "yes" or "no" or "on" or "off" or "y" or "n";

    private static string FixForString(ConfigNode node) =>
        node switch
        {
            ScalarNode { IsNull: true } => "write a value or remove the key",
            ScalarNode => "put the value in quotes",
            _ => "write a single string",
        };

    private static string FixForNumber(ConfigNode node, string example) =>
        node switch
        {
            ScalarNode { IsNull: true } => "write a value or remove the key",
            ScalarNode { Kind: ScalarKind.String } =>
                $"write a plain number without quotes, such as {example}",
            _ => $"write a number such as {example}",
        };
}
