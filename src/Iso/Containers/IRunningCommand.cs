using Iso.Terminal;

namespace Iso.Containers;

/// <summary>A command running in a container, as the host-side signal and resize handlers see it.</summary>
internal interface IRunningCommand
{
    /// <summary>Delivers a signal (a Linux signal number) to the command.</summary>
    Task SignalAsync(int signal);

    /// <summary>Gives the command's terminal a new size.</summary>
    Task ResizeAsync(WindowSize size);
}
