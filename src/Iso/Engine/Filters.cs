namespace Iso.Engine;

/// <summary>The engine's list filters, in the nested form Docker.DotNet sends.</summary>
internal static class Filters
{
    public static IDictionary<string, IDictionary<string, bool>> Name(string name) =>
        new Dictionary<string, IDictionary<string, bool>>
        {
            ["name"] = new Dictionary<string, bool> { [name] = true },
        };

    /// <summary>Resources that carry every given label with the given value.</summary>
    public static IDictionary<string, IDictionary<string, bool>> Labels(
        params (string Key, string Value)[] labels) =>
        new Dictionary<string, IDictionary<string, bool>>
        {
            ["label"] = labels.ToDictionary(label => $"{label.Key}={label.Value}", _ => true),
        };
}
