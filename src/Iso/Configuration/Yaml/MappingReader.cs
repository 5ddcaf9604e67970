using Iso.Errors;

namespace Iso.Configuration.Yaml;

/// <summary>
/// A mapping whose keys have been checked against a fixed set of valid keys, with lookup by
/// key. Opening it rejects the first unknown key and suggests the nearest valid one.
/// </summary>
internal sealed class MappingReader
{
    private readonly Dictionary<string, MappingEntry> entries;
    private readonly string? parentKey;

    private MappingReader(MappingNode mapping, string? parentKey)
    {
        entries = mapping.Entries.ToDictionary(entry => entry.Key.Value, StringComparer.Ordinal);
        this.parentKey = parentKey;
    }

    /// <summary>
    /// Checks every key of <paramref name="mapping"/> against <paramref name="validKeys"/>.
    /// <paramref name="parentKey"/> is the dotted path of the mapping itself, such as
    /// <c>build</c> or <c>services.db</c>, or null at the top level.
    /// </summary>
    /// <exception cref="ConfigException">A key is not in <paramref name="validKeys"/>.</exception>
    public static MappingReader Open(
        ConfigFile file,
        MappingNode mapping,
        string? parentKey,
        IReadOnlyList<string> validKeys
    )
    {
        foreach (var entry in mapping.Entries)
        {
            if (!validKeys.Contains(entry.Key.Value, StringComparer.Ordinal))
            {
                throw UnknownKey(file, entry.Key, parentKey, validKeys);
            }
        }

        return new MappingReader(mapping, parentKey);
    }

    /// <summary>Returns the entry for <paramref name="key"/>, or null when it is absent.</summary>
    public MappingEntry? Find(string key) => entries.GetValueOrDefault(key);

    /// <summary>Returns the dotted path of <paramref name="key"/>, used in messages.</summary>
    public string PathOf(string key) => parentKey is null ? key : $"{parentKey}.{key}";

    private static ConfigException UnknownKey(
        ConfigFile file,
        ScalarNode key,
        string? parentKey,
        IReadOnlyList<string> validKeys
    )
    {
        var where = parentKey is null ? "" : $" in {MessageText.Quote(parentKey)}";
        if (key.Value == "<<")
        {
            return file.Error(
                key,
                $"merge keys ('<<'){where} are not supported; write the keys out in full"
            );
        }

        var nearest = KeySuggestion.FindNearest(key.Value, validKeys);
        var fix = nearest is null
            ? $"valid keys are {MessageText.QuoteAll(validKeys)}"
            : $"did you mean {MessageText.Quote(nearest)}?";
        return file.Error(key, $"unknown key {MessageText.Quote(key.Value)}{where}; {fix}");
    }
}
