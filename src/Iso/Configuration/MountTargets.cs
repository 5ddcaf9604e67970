using Iso.Configuration.Values;
using Iso.Configuration.Yaml;

namespace Iso.Configuration;

/// <summary>
/// Checks the container paths that <c>volumes</c>, <c>cache</c> and <c>binds</c> mount in the
/// main container: each path is mounted once, never at <c>/</c>, and never at or inside
/// <c>workdir</c>, where the project root is mounted.
/// </summary>
internal sealed class MountTargets(ConfigFile file, string workdir)
{
    private readonly Dictionary<string, (string Key, SourcePosition Position)> claimed =
        new(StringComparer.Ordinal);

    /// <summary>Records <c>path</c> as mounted by an entry of the list at <c>key</c>.</summary>
    /// <exception cref="Iso.Errors.ConfigException">
    /// The path is invalid or already mounted.
    /// </exception>
    public void Claim(string path, string key, ConfigNode node)
    {
        CheckAgainstWorkdir(path, key, node);
        if (claimed.TryGetValue(path, out var first))
        {
            throw file.Error(node, DuplicateMessage(path, key, first.Key, first.Position));
        }

        claimed[path] = (key, node.Position);
    }

    private void CheckAgainstWorkdir(string path, string key, ConfigNode node)
    {
        var entry = ValueReader.EntryName(key);
        if (path == ContainerPath.Root)
        {
            throw file.Error(node, $"{entry} must not be '/'; choose a directory");
        }

        if (path == workdir)
        {
            throw file.Error(
                node,
                $"{entry} {MessageText.Quote(path)} is the 'workdir', where the project root is "
                    + "mounted; choose another path"
            );
        }
    }

    private static string DuplicateMessage(
        string path,
        string key,
        string firstKey,
        SourcePosition firstPosition
    )
    {
        var quotedPath = MessageText.Quote(path);
        return key == firstKey
            ? $"duplicate {ValueReader.EntryName(key)} {quotedPath}, first listed at "
                + $"{firstPosition}; remove one of them"
            : $"{ValueReader.EntryName(key)} {quotedPath} is also listed in "
                + $"{ValueReader.KeyName(firstKey)} at {firstPosition}; remove one of them";
    }
}
