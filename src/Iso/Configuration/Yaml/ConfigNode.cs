namespace Iso.Configuration.Yaml;

/// <summary>A node of a parsed YAML document, with the position where it starts.</summary>
internal abstract class ConfigNode(SourcePosition position)
{
    public SourcePosition Position { get; } = position;

    /// <summary>
    /// A short phrase for error messages, such as <c>a list</c> or <c>the string 'x'</c>.
    /// </summary>
    public abstract string Describe();
}
