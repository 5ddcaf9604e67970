using System.Text;

namespace Iso.Init;

/// <summary>
/// A <c>pre-run.sh</c> or <c>post-run.sh</c> hook. It runs through its <c>#!</c> line, or
/// <c>/bin/sh</c> without one, so its mode bits do not matter.
/// </summary>
internal static class HookScript
{
    /// <summary>Returns the argument vector that runs <paramref name="path"/>.</summary>
    public static IReadOnlyList<string> Arguments(string path)
    {
        var firstLine = ReadFirstLine(path);
        if (!firstLine.StartsWith("#!", StringComparison.Ordinal))
        {
            return ["/bin/sh", path];
        }

        // Linux passes everything after the interpreter as one argument; so does this.
        var line = firstLine[2..].Trim();
        var split = line.IndexOfAny([' ', '\t']);
        return split < 0
            ? [line, path]
            : [line[..split], line[(split + 1)..].Trim(), path];
    }

    /// <summary>True when the file has Windows line endings, which make <c>sh</c> fail obscurely.</summary>
    public static bool HasCrLf(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return bytes.AsSpan().IndexOf("\r\n"u8) >= 0;
    }

    private static string ReadFirstLine(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        return reader.ReadLine() ?? "";
    }
}
