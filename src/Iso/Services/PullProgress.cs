using Docker.DotNet.Models;
using Iso.Diagnostics;

namespace Iso.Services;

/// <summary>
/// Shows an image pull on stderr: on a terminal one line per layer, rewritten in place; otherwise
/// one plain line per layer state change, so logs stay readable. stdout is never touched.
/// </summary>
internal sealed class PullProgress(string image) : IProgress<JSONMessage>
{
    private readonly object _gate = new();
    private readonly bool _terminal = !Console.IsErrorRedirected;
    private readonly List<string> _layers = [];
    private readonly Dictionary<string, string> _lines = [];
    private int _drawn;

    public string? Error { get; private set; }

    public void Report(JSONMessage value)
    {
        lock (_gate)
        {
            if (value.Error is not null)
            {
                Error = value.Error.Message;
                return;
            }

            if (string.IsNullOrEmpty(value.ID) || value.Status is null)
            {
                return;
            }

            var line = Describe(value);
            if (_lines.TryGetValue(value.ID, out var previous) && previous == line)
            {
                return;
            }

            if (!_lines.ContainsKey(value.ID))
            {
                _layers.Add(value.ID);
            }

            _lines[value.ID] = line;
            if (_terminal)
            {
                Redraw();
            }
            else if (value.Progress is null)
            {
                Console.Error.WriteLine($"iso: {image}: {line}");
            }
        }
    }

    /// <summary>Ends the display; the layer lines stay on the screen.</summary>
    public void Finish()
    {
        lock (_gate)
        {
            _drawn = 0;
        }

        Log.Debug($"pulled image {image}");
    }

    private static string Describe(JSONMessage value)
    {
        var current = value.Progress?.Current ?? 0;
        var total = value.Progress?.Total ?? 0;
        if (total <= 0)
        {
            return $"{value.ID}: {value.Status}";
        }

        const int width = 30;
        var filled = (int)Math.Clamp(current * width / total, 0, width);
        var bar = new string('=', filled) + new string(' ', width - filled);
        return $"{value.ID}: {value.Status} [{bar}] {current / 1048576.0:0.0}/{total / 1048576.0:0.0} MiB";
    }

    private void Redraw()
    {
        var output = new System.Text.StringBuilder();
        if (_drawn > 0)
        {
            output.Append($"\u001b[{_drawn}A");
        }

        foreach (var layer in _layers)
        {
            output.Append("\r\u001b[2K").Append(_lines[layer]).Append('\n');
        }

        _drawn = _layers.Count;
        Console.Error.Write(output.ToString());
    }
}
