namespace Iso.Configuration.Yaml;

/// <summary>Finds the valid key that an unknown key was most likely meant to be.</summary>
internal static class KeySuggestion
{
    /// <summary>
    /// Returns the candidate nearest to <paramref name="key"/>, or null when none is close.
    /// Closeness is the edit distance, ignoring case and counting a swap of two adjacent
    /// characters as one edit. A candidate is close when the distance is at most a third of
    /// its length (at least 2), or when it starts with a key of 3 or more characters, so that
    /// <c>env</c> finds <c>environment</c>. Ties go to the earlier candidate.
    /// </summary>
    public static string? FindNearest(string key, IReadOnlyList<string> candidates)
    {
        string? nearest = null;
        var nearestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(key.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < nearestDistance && IsClose(key, candidate, distance))
            {
                nearest = candidate;
                nearestDistance = distance;
            }
        }

        return nearest;
    }

    private static bool IsClose(string key, string candidate, int distance) =>
        distance <= Math.Max(2, candidate.Length / 3)
        || (key.Length >= 3 && candidate.StartsWith(key, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Computes the optimal string alignment distance: insertions, deletions, substitutions
    /// and transpositions of adjacent characters each cost one.
    /// </summary>
    internal static int Distance(string source, string target)
    {
        var table = new int[source.Length + 1, target.Length + 1];
        for (var i = 0; i <= source.Length; i++)
        {
            table[i, 0] = i;
        }

        for (var j = 0; j <= target.Length; j++)
        {
            table[0, j] = j;
        }

        for (var i = 1; i <= source.Length; i++)
        {
            for (var j = 1; j <= target.Length; j++)
            {
                table[i, j] = Cell(table, source, target, i, j);
            }
        }

        return table[source.Length, target.Length];
    }

    private static int Cell(int[,] table, string source, string target, int i, int j)
    {
        var cost = source[i - 1] == target[j - 1] ? 0 : 1;
        var best = Math.Min(
            Math.Min(table[i - 1, j] + 1, table[i, j - 1] + 1),
            table[i - 1, j - 1] + cost
        );
        var isTransposition =
            i > 1 && j > 1 && source[i - 1] == target[j - 2] && source[i - 2] == target[j - 1];
        return isTransposition ? Math.Min(best, table[i - 2, j - 2] + 1) : best;
    }
}
