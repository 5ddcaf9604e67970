namespace Iso.Configuration;

/// <summary>How the project image is built, from the <c>build</c> key.</summary>
/// <param name="Context">The absolute path of the build context, an existing directory.</param>
/// <param name="Args">Build arguments, passed as <c>--build-arg</c> values.</param>
public sealed record BuildSettings(string Context, IReadOnlyDictionary<string, string> Args);
