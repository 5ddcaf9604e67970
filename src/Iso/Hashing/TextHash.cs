using System.IO.Hashing;
using System.Text;

namespace Iso.Hashing;

/// <summary>
/// A short hash of a text, for labels that record what a resource was made from. XXH3 rather
/// than SHA-256, because .NET's SHA-256 loads OpenSSL with dlopen, which corrupts the static iso
/// binary; these hashes only detect changes.
/// </summary>
internal static class TextHash
{
    /// <summary>Returns 32 lower-case hex digits (128 bits).</summary>
    public static string Of(string text) =>
        Convert.ToHexStringLower(XxHash128.Hash(Encoding.UTF8.GetBytes(text)));
}
