using System.Text.RegularExpressions;

namespace Iso.Cli;

/// <summary>
/// Splits the words after <c>iso run</c>. iso's options come only before the command: the first
/// word that is not one of them, or a bare <c>--</c>, ends them, and every later word belongs to
/// the command untouched, including <c>-s</c>, <c>--help</c> and <c>--</c>.
/// </summary>
public static partial class RunWords
{
    private static readonly HashSet<string> Flags =
        ["-r", "--reuse", "-h", "--help", "-?", "-v", "--verbose"];

    private static readonly HashSet<string> OptionsWithValue = ["-s", "--session"];

    /// <summary>Returns iso's options and the rest (assignments and the command) separately.</summary>
    public static (List<string> Options, List<string> Remaining) Split(IReadOnlyList<string> words)
    {
        var options = new List<string>();
        var index = 0;
        while (index < words.Count)
        {
            var word = words[index];
            if (word == "--")
            {
                index++;
                break;
            }

            if (Flags.Contains(word) || word.StartsWith("--session=", StringComparison.Ordinal))
            {
                options.Add(word);
                index++;
            }
            else if (OptionsWithValue.Contains(word))
            {
                options.AddRange(words.Skip(index).Take(2));
                index += 2;
            }
            else
            {
                break;
            }
        }

        return (options, words.Skip(index).ToList());
    }

    /// <summary>
    /// Takes the leading <c>KEY=VALUE</c> words whose key is a valid variable name; the value may
    /// hold anything, <c>=</c> included, or be empty. The first other word starts the command.
    /// </summary>
    public static (List<KeyValuePair<string, string>> Assignments, List<string> Command) SplitAssignments(
        IReadOnlyList<string> rest)
    {
        var assignments = new List<KeyValuePair<string, string>>();
        var index = 0;
        for (; index < rest.Count; index++)
        {
            var match = Assignment().Match(rest[index]);
            if (!match.Success)
            {
                break;
            }

            assignments.Add(new(match.Groups[1].Value, match.Groups[2].Value));
        }

        return (assignments, rest.Skip(index).ToList());
    }

    [GeneratedRegex(@"\A([A-Za-z_][A-Za-z0-9_]*)=(.*)\z", RegexOptions.Singleline)]
    private static partial Regex Assignment();
}
