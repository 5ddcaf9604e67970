namespace Iso.Containers;

/// <summary>What <c>iso run</c> was asked to do, after iso's own options were read.</summary>
public sealed record RunRequest(
    bool Reuse,
    IReadOnlyList<KeyValuePair<string, string>> Assignments,
    IReadOnlyList<string> Command);
