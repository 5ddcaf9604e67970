namespace Iso.Configuration.Yaml;

/// <summary>A YAML sequence, called a list in messages because users write it as one.</summary>
internal sealed class SequenceNode(SourcePosition position, IReadOnlyList<ConfigNode> items)
    : ConfigNode(position)
{
    public IReadOnlyList<ConfigNode> Items { get; } = items;

    public override string Describe() => "a list";
}
