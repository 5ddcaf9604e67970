using Iso.Configuration.Values;

namespace Iso.Configuration.Yaml;

/// <summary>
/// Reads environment variables and build arguments: mappings of variable names to values.
/// </summary>
internal static class VariablesReader
{
    /// <summary>
    /// Reads a mapping of variable names to values. A value of any scalar type is taken as its
    /// text as written (<c>3306</c> gives "3306"), and no value gives "".
    /// </summary>
    public static IReadOnlyDictionary<string, string> Read(
        ValueReader values,
        ConfigNode node,
        string key
    )
    {
        var mapping = values.ReadMapping(
            node,
            key,
            "a mapping of variable names to values",
            "write one 'NAME: value' line per variable"
        );
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in mapping?.Entries ?? [])
        {
            var name = ReadName(values, entry.Key, key);
            variables[name] = ReadValue(values, entry.Value, $"{key}.{name}");
        }

        return variables.AsReadOnly();
    }

    private static string ReadName(ValueReader values, ScalarNode node, string key)
    {
        if (NamePatterns.IsVariableName(node.Value))
        {
            return node.Value;
        }

        throw values.File.Error(
            node,
            $"invalid variable name {MessageText.Quote(node.Value)} in "
                + $"{ValueReader.KeyName(key)}; a name must start with a letter or '_' and "
                + "contain only letters, digits and '_', as in "
                + MessageText.Quote(NamePatterns.ToVariableName(node.Value))
        );
    }

    private static string ReadValue(ValueReader values, ConfigNode node, string key)
    {
        if (node is ScalarNode scalar)
        {
            return scalar.IsNull ? "" : scalar.Value;
        }

        throw values.TypeError(
            node,
            ValueReader.KeyName(key),
            "a single value",
            "write the value as text, quoted if needed"
        );
    }
}
