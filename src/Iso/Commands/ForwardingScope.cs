namespace Iso.Commands;

/// <summary>
/// Marks the time during which signals belong to the command in the container. Outside it, the
/// first SIGINT or SIGTERM cancels iso's own work (a build, a wait) and cleanup runs.
/// </summary>
internal static class ForwardingScope
{
    private static int _depth;

    public static bool Active => Volatile.Read(ref _depth) > 0;

    public static IDisposable Begin()
    {
        Interlocked.Increment(ref _depth);
        return new Scope();
    }

    private sealed class Scope : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref _depth);
            }
        }
    }
}
