using Iso.Diagnostics;
using Iso.Engine;
using Iso.Images;
using Iso.Sessions;

namespace Iso.Commands;

/// <summary><c>iso build [--rebuild]</c>: builds the project image when stale, or always.</summary>
internal static class BuildCommand
{
    public static async Task<int> ExecuteAsync(bool rebuild, CancellationToken cancellationToken)
    {
        var context = SessionContext.Load(sessionOption: null);
        using var client = await EngineConnection.ConnectAsync(cancellationToken);
        var id = await new ImageManager(client, context).BuildAsync(rebuild, cancellationToken);
        Log.Progress($"image {context.Names.Image} is up to date ({Log.ShortId(id)})");
        return 0;
    }
}
