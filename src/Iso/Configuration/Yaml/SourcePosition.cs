namespace Iso.Configuration.Yaml;

/// <summary>A 1-based line and column in a configuration file.</summary>
internal readonly record struct SourcePosition(long Line, long Column)
{
    public override string ToString() => $"line {Line}, column {Column}";
}
