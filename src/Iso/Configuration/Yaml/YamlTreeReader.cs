using Iso.Errors;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Iso.Configuration.Yaml;

/// <summary>
/// Builds a <see cref="ConfigNode"/> tree from YAML text with YamlDotNet's event parser, which
/// needs no reflection and so works under NativeAOT. Unlike YamlDotNet's representation model,
/// it reports duplicate keys with both positions and rejects what the configuration files
/// never need: several documents, tags other than <c>!!str</c>, and keys that are not scalars.
/// Aliases are supported. A scalar alias takes the alias's position, so that errors point
/// at the use, while an aliased mapping or list keeps the positions of the anchored original.
/// </summary>
internal sealed class YamlTreeReader
{
    // Bounds recursion so that a file of nested brackets ends in an error, not a stack overflow.
    private const int MaxDepth = 64;

    private const string StringTag = "tag:yaml.org,2002:str";
    private const string MappingTag = "tag:yaml.org,2002:map";
    private const string SequenceTag = "tag:yaml.org,2002:seq";

    private readonly ConfigFile file;
    private readonly Parser parser;
    private readonly Dictionary<string, ConfigNode> anchors = new(StringComparer.Ordinal);

    private YamlTreeReader(ConfigFile file, string text)
    {
        this.file = file;
        parser = new Parser(new StringReader(text));
    }

    /// <summary>
    /// Parses <paramref name="text"/> and returns its root node, or null when the text has no
    /// document (empty, or only comments).
    /// </summary>
    /// <exception cref="ConfigException">The text is not valid YAML.</exception>
    public static ConfigNode? Read(ConfigFile file, string text)
    {
        var reader = new YamlTreeReader(file, text);
        try
        {
            return reader.ReadStream();
        }
        catch (YamlException e)
        {
            throw file.Error(
                ToPosition(e.Start),
                $"invalid YAML: {Reason(e)}; fix the syntax here"
            );
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet 18.1.0's scanner throws InvalidOperationException, not YamlException,
            // for some unclosed flow collections such as "key: [a, b" followed by more lines.
            var end = reader.parser.Current?.End ?? Mark.Empty;
            throw file.Error(
                ToPosition(end),
                "invalid YAML after this position; look for an unclosed '[' or '{' and fix it"
            );
        }
    }

    private ConfigNode? ReadStream()
    {
        parser.Consume<StreamStart>();
        if (parser.TryConsume<StreamEnd>(out _))
        {
            return null;
        }

        parser.Consume<DocumentStart>();
        var root = ReadNode(depth: 0);
        parser.Consume<DocumentEnd>();
        if (parser.Accept<DocumentStart>(out var second))
        {
            throw file.Error(
                ToPosition(second.Start),
                "expected one YAML document but found a second one; remove the '---' line "
                    + "and merge the documents"
            );
        }

        return root is ScalarNode { IsNull: true } ? null : root;
    }

    private ConfigNode ReadNode(int depth)
    {
        if (depth > MaxDepth)
        {
            var start = parser.Current?.Start ?? Mark.Empty;
            throw file.Error(
                ToPosition(start),
                $"YAML nested more than {MaxDepth} levels deep; flatten the structure"
            );
        }

        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            return ResolveAlias(alias);
        }

        if (parser.TryConsume<Scalar>(out var scalar))
        {
            return Remember(scalar, ReadScalar(scalar));
        }

        if (parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            return Remember(sequenceStart, ReadSequence(sequenceStart, depth));
        }

        var mappingStart = parser.Consume<MappingStart>();
        return Remember(mappingStart, ReadMapping(mappingStart, depth));
    }

    private ScalarNode ReadScalar(Scalar scalar)
    {
        var position = ToPosition(scalar.Start);
        if (scalar.Tag.IsEmpty && scalar.Style == ScalarStyle.Plain)
        {
            return new ScalarNode(position, scalar.Value, CoreSchema.Resolve(scalar.Value));
        }

        // The non-specific tag "!" and !!str both mean "a string, whatever it looks like".
        if (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific && scalar.Tag.Value != StringTag)
        {
            throw UnsupportedTag(position, scalar.Tag);
        }

        return new ScalarNode(position, scalar.Value, ScalarKind.String);
    }

    private SequenceNode ReadSequence(SequenceStart start, int depth)
    {
        CheckCollectionTag(start, SequenceTag);
        var items = new List<ConfigNode>();
        while (!parser.TryConsume<SequenceEnd>(out _))
        {
            items.Add(ReadNode(depth + 1));
        }

        return new SequenceNode(ToPosition(start.Start), items);
    }

    private MappingNode ReadMapping(MappingStart start, int depth)
    {
        CheckCollectionTag(start, MappingTag);
        var entries = new List<MappingEntry>();
        var keys = new Dictionary<string, ScalarNode>(StringComparer.Ordinal);
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var key = ReadKey(depth);
            if (!keys.TryAdd(key.Value, key))
            {
                throw DuplicateKey(key, keys[key.Value]);
            }

            entries.Add(new MappingEntry(key, ReadNode(depth + 1)));
        }

        return new MappingNode(ToPosition(start.Start), entries);
    }

    private ScalarNode ReadKey(int depth)
    {
        var key = ReadNode(depth + 1);
        if (key is ScalarNode scalar)
        {
            return scalar;
        }

        throw file.Error(
            key,
            $"a key must be a scalar, found {key.Describe()}; write the key as plain text"
        );
    }

    private ConfigNode ResolveAlias(AnchorAlias alias)
    {
        var position = ToPosition(alias.Start);
        if (!anchors.TryGetValue(alias.Value.Value, out var node))
        {
            throw file.Error(
                position,
                $"alias '*{alias.Value.Value}' refers to an anchor that is not defined before it; "
                    + $"define '&{alias.Value.Value}' earlier in the file"
            );
        }

        return node is ScalarNode scalar
            ? new ScalarNode(position, scalar.Value, scalar.Kind)
            : node;
    }

    private ConfigNode Remember(NodeEvent nodeEvent, ConfigNode node)
    {
        if (!nodeEvent.Anchor.IsEmpty)
        {
            anchors[nodeEvent.Anchor.Value] = node;
        }

        return node;
    }

    private void CheckCollectionTag(NodeEvent start, string allowedTag)
    {
        if (!start.Tag.IsEmpty && !start.Tag.IsNonSpecific && start.Tag.Value != allowedTag)
        {
            throw UnsupportedTag(ToPosition(start.Start), start.Tag);
        }
    }

    private ConfigException UnsupportedTag(SourcePosition position, TagName tag) =>
        file.Error(
            position,
            $"unsupported YAML tag {MessageText.Quote(tag.Value)}; remove the tag "
                + "(only !!str is supported)"
        );

    private ConfigException DuplicateKey(ScalarNode duplicate, ScalarNode first) =>
        file.Error(
            duplicate,
            $"duplicate key {MessageText.Quote(duplicate.Value)}, first defined at "
                + $"{first.Position}; remove one of them"
        );

    private static string Reason(YamlException exception)
    {
        var message = exception.Message.Replace('\n', ' ').Replace('\r', ' ').TrimEnd('.');
        return message.Length == 0
            ? "syntax error"
            : char.ToLowerInvariant(message[0]) + message[1..];
    }

    private static SourcePosition ToPosition(Mark mark) => new(mark.Line, mark.Column);
}
