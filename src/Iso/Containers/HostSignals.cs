using System.Runtime.InteropServices;
using Iso.Diagnostics;
using Iso.Terminal;

namespace Iso.Containers;

/// <summary>
/// Forwards SIGINT, SIGTERM and SIGHUP that the host iso receives to the command in the
/// container, and terminal size changes to its terminal, for as long as the run lasts. iso
/// itself does not stop on these signals: it waits for the command, whose status it returns.
/// </summary>
internal sealed class HostSignals : IDisposable
{
    private readonly List<PosixSignalRegistration> _registrations = [];
    private readonly IRunningCommand _command;
    private readonly IDisposable _scope;

    public HostSignals(IRunningCommand command, bool forwardResize)
    {
        _command = command;
        Register(PosixSignal.SIGINT, 2);
        Register(PosixSignal.SIGTERM, 15);
        Register(PosixSignal.SIGHUP, 1);
        Register(PosixSignal.SIGQUIT, 3);
        if (forwardResize)
        {
            _registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGWINCH, OnResize));
        }

        // The scope begins after the registrations and ends before they are removed. A signal
        // that found the scope active but these handlers missing would get its default action,
        // which ends iso without cleanup.
        _scope = Commands.ForwardingScope.Begin();
    }

    /// <summary>The last signal forwarded, if any.</summary>
    public int? Received { get; private set; }

    private void Register(PosixSignal signal, int number)
    {
        _registrations.Add(PosixSignalRegistration.Create(signal, context =>
        {
            context.Cancel = true;
            Received = number;
            Log.Debug($"forwarding signal {number} to the command");
            _ = Forward(number);
        }));
    }

    private async Task Forward(int number)
    {
        try
        {
            await _command.SignalAsync(number);
        }
        catch (Exception exception)
        {
            Log.Debug($"forwarding signal {number} failed: {exception.Message}");
        }
    }

    private void OnResize(PosixSignalContext context)
    {
        context.Cancel = true;
        if (WindowSize.Read(1) is { } size)
        {
            _ = _command.ResizeAsync(size).ContinueWith(
                task => Log.Debug($"resize failed: {task.Exception?.GetBaseException().Message}"),
                TaskContinuationOptions.OnlyOnFaulted);
        }
    }

    public void Dispose()
    {
        _scope.Dispose();
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
    }
}
