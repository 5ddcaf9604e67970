namespace Iso.Configuration.Yaml;

/// <summary>A YAML mapping whose keys are scalars, unique and in file order.</summary>
internal sealed class MappingNode(SourcePosition position, IReadOnlyList<MappingEntry> entries)
    : ConfigNode(position)
{
    public IReadOnlyList<MappingEntry> Entries { get; } = entries;

    public override string Describe() => "a mapping";
}
