namespace Iso.Configuration.Yaml;

/// <summary>A scalar with its text as written and the type it resolves to.</summary>
internal sealed class ScalarNode(SourcePosition position, string value, ScalarKind kind)
    : ConfigNode(position)
{
    public string Value { get; } = value;

    public ScalarKind Kind { get; } = kind;

    public bool IsNull => Kind == ScalarKind.Null;

    public override string Describe() =>
        Kind switch
        {
            ScalarKind.Null => "no value",
            ScalarKind.Boolean => $"the boolean {MessageText.Quote(Value)}",
            ScalarKind.Integer or ScalarKind.Float => $"the number {MessageText.Quote(Value)}",
            _ => $"the string {MessageText.Quote(Value)}",
        };
}
