using Iso.Native;

namespace Iso.Engine;

/// <summary>
/// An exclusive lock shared by the iso processes of one user on this host. It serialises the
/// creation of a project's image, network and containers, because the engine allows two networks
/// of one name and would let parallel runs build the same image twice.
/// </summary>
internal sealed class HostLock : IDisposable
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(20);

    private readonly FileStream _file;

    private HostLock(FileStream file) => _file = file;

    public static async Task<HostLock> AcquireAsync(string name, CancellationToken cancellationToken)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"iso-{LibC.GetUid()}");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{name}.lock");
        while (true)
        {
            try
            {
                // On Unix, FileShare.None takes an flock(2) lock that the kernel drops when the
                // process dies, so a killed iso never leaves the lock held.
                var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                return new HostLock(file);
            }
            catch (IOException)
            {
                await Task.Delay(RetryDelay, cancellationToken);
            }
        }
    }

    public void Dispose() => _file.Dispose();
}
