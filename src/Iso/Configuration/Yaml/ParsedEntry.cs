namespace Iso.Configuration.Yaml;

/// <summary>A list entry parsed into a value, with its node for error positions.</summary>
internal readonly record struct ParsedEntry<T>(ScalarNode Node, T Value);
