namespace Iso.Configuration.Yaml;

/// <summary>A key and its value in a <see cref="MappingNode"/>.</summary>
internal sealed record MappingEntry(ScalarNode Key, ConfigNode Value);
