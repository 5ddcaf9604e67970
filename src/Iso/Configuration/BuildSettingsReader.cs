using Iso.Configuration.Yaml;

namespace Iso.Configuration;

/// <summary>Reads the <c>build</c> key of <c>config.yml</c>.</summary>
internal sealed class BuildSettingsReader(
    ValueReader values,
    string projectRoot,
    string isoDirectory
)
{
    private const string Key = "build";
    private static readonly string[] Keys = ["context", "args"];

    /// <summary>
    /// Reads <paramref name="node"/>, the value of <c>build</c>, or returns the defaults when
    /// it is null: the <c>.iso</c> directory as context and no arguments.
    /// </summary>
    public BuildSettings Read(ConfigNode? node)
    {
        var mapping = node is null
            ? null
            : values.ReadMapping(
                node,
                Key,
                "a mapping with 'context' and 'args'",
                "write 'context:' and 'args:' indented below 'build:'"
            );
        if (mapping is null)
        {
            return new BuildSettings(isoDirectory, EmptyArgs());
        }

        var keys = MappingReader.Open(values.File, mapping, Key, Keys);
        var context = keys.Find("context") is { } contextEntry
            ? ReadContext(contextEntry.Value, keys.PathOf("context"))
            : isoDirectory;
        var args = keys.Find("args") is { } argsEntry
            ? VariablesReader.Read(values, argsEntry.Value, keys.PathOf("args"))
            : EmptyArgs();
        return new BuildSettings(context, args);
    }

    private string ReadContext(ConfigNode node, string key)
    {
        var text = values.ReadString(node, key);
        if (text.Length == 0)
        {
            throw values.File.Error(
                node,
                $"{ValueReader.KeyName(key)} must not be empty; write a directory relative to the "
                    + "project root, such as '.'"
            );
        }

        var fullPath = Path.TrimEndingDirectorySeparator(Path.GetFullPath(text, projectRoot));
        if (!Directory.Exists(fullPath))
        {
            var problem = File.Exists(fullPath) ? "is a file, not a directory" : "was not found";
            throw values.File.Error(
                node,
                $"{ValueReader.KeyName(key)} {MessageText.Quote(text)} {problem} (resolved to "
                    + $"{MessageText.Quote(fullPath)}); write a directory relative to the "
                    + "project root"
            );
        }

        return fullPath;
    }

    private static IReadOnlyDictionary<string, string> EmptyArgs() =>
        new Dictionary<string, string>(StringComparer.Ordinal).AsReadOnly();
}
