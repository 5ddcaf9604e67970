using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace Iso.Images;

/// <summary>
/// The content hash of a build context, fed one entry at a time in archive order. It is the
/// 128-bit XXH3 hash, which detects changes, all it is for. It is pure managed code. .NET's
/// SHA-256 would load OpenSSL with dlopen, which puts a second glibc into the static iso binary
/// and corrupts it.
/// </summary>
/// <remarks>
/// Every string and byte run is prefixed with its length, so that no two different contexts
/// produce the same byte stream. Modification times, owners and the context's location on disk
/// are left out, so an unchanged tree hashes the same anywhere and at any time.
/// </remarks>
internal sealed class BuildContextHash : IDisposable
{
    // Change this when the layout below changes, so that a hash from the old layout never
    // equals one from the new layout.
    private const string LayoutVersion = "iso-build-context-v1";

    private readonly XxHash128 _hash = new();

    public BuildContextHash() => AppendString(LayoutVersion);

    /// <summary>
    /// Adds an entry's name, type, mode and link target, and the XXH3 digest of its content
    /// (empty for directories and symbolic links).
    /// </summary>
    public void AppendEntry(BuildContextEntry entry, ReadOnlySpan<byte> contentDigest)
    {
        AppendString(entry.Name);
        AppendInt32((int)entry.Type);
        AppendInt32((int)entry.Mode);
        AppendString(entry.LinkTarget ?? "");
        AppendBytes(contentDigest);
    }

    /// <summary>Adds the archive path of the Dockerfile that the build uses.</summary>
    public void AppendDockerfileName(string dockerfileName) => AppendString(dockerfileName);

    /// <summary>
    /// Adds the build arguments sorted by key (ordinal), so that their order does not matter.
    /// </summary>
    public void AppendBuildArgs(IReadOnlyDictionary<string, string> buildArgs)
    {
        AppendInt32(buildArgs.Count);
        foreach (KeyValuePair<string, string> buildArg in buildArgs.OrderBy(
            pair => pair.Key,
            StringComparer.Ordinal))
        {
            AppendString(buildArg.Key);
            AppendString(buildArg.Value);
        }
    }

    /// <summary>Returns the hash as 64 lower-case hexadecimal digits.</summary>
    public string Finish() => Convert.ToHexStringLower(_hash.GetHashAndReset());

    public void Dispose()
    {
    }

    private void AppendString(string value) => AppendBytes(Encoding.UTF8.GetBytes(value));

    private void AppendBytes(ReadOnlySpan<byte> value)
    {
        AppendInt32(value.Length);
        _hash.Append(value);
    }

    private void AppendInt32(int value)
    {
        Span<byte> buffer = stackalloc byte[sizeof(int)];
        BinaryPrimitives.WriteInt32LittleEndian(buffer, value);
        _hash.Append(buffer);
    }
}
