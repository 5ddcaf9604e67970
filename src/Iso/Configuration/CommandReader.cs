using Iso.Configuration.Values;
using Iso.Configuration.Yaml;

namespace Iso.Configuration;

/// <summary>
/// Reads a command written either as a list of words, each scalar taken as its text, or as
/// one string split into words by <see cref="ShellWords"/>.
/// </summary>
internal static class CommandReader
{
    private const string Expected = "a list of words or a command string";
    private const string Fix = "write the command, such as [redis-server, --port, '6380']";

    public static IReadOnlyList<string> Read(ValueReader values, ConfigNode node, string key)
    {
        var words = node switch
        {
            SequenceNode => ReadWords(values, node, key),
            ScalarNode { IsNull: false } scalar => Split(values, scalar, key),
            _ => throw values.TypeError(node, ValueReader.KeyName(key), Expected, Fix),
        };
        if (words.Count == 0)
        {
            throw values.File.Error(
                node,
                $"{ValueReader.KeyName(key)} is empty; write a command or remove the key"
            );
        }

        return words;
    }

    private static List<string> ReadWords(ValueReader values, ConfigNode node, string key)
    {
        var words = values.ReadTextList(node, key, "a list of words", "a word");
        return [.. words.Select(word => word.Value)];
    }

    private static List<string> Split(ValueReader values, ScalarNode scalar, string key)
    {
        try
        {
            return [.. ShellWords.Split(scalar.Value)];
        }
        catch (FormatException e)
        {
            throw values.File.Error(scalar, $"invalid {ValueReader.KeyName(key)}: {e.Message}");
        }
    }
}
