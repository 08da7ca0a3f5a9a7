using System.Diagnostics;
using SparkCleanlab.Local.Execution;

namespace SparkCleanlab.Job.Console;

/// <summary>
/// One progress line on stderr (stage, rows, throughput, ETA), redrawn at most a few times a second.
/// Only on a terminal: logs and pipes get no progress noise.
/// </summary>
public sealed class ProgressRenderer : IProgress<StageProgress>, IDisposable
{
    private readonly TextWriter _error;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Stopwatch _stageClock = Stopwatch.StartNew();
    private readonly Lock _lock = new();
    private string _stage = "";
    private long _lastDraw;

    private ProgressRenderer(TextWriter error) => _error = error;

    /// <summary>A renderer when <paramref name="enabled"/> and stderr is a terminal, else null.</summary>
    public static ProgressRenderer? For(TextWriter error, bool enabled) =>
        enabled && !System.Console.IsErrorRedirected ? new ProgressRenderer(error) : null;

    /// <inheritdoc/>
    public void Report(StageProgress value)
    {
        lock (_lock)
        {
            if (value.Stage != _stage)
            {
                _stage = value.Stage;
                _stageClock.Restart();
            }
            else if (_clock.ElapsedMilliseconds - _lastDraw < 200 && value.RowsDone < value.TotalRows)
            {
                return;
            }

            _lastDraw = _clock.ElapsedMilliseconds;
            var seconds = Math.Max(_stageClock.Elapsed.TotalSeconds, 1e-3);
            var rate = value.RowsDone / seconds;
            var eta = rate > 0 ? TimeSpan.FromSeconds((value.TotalRows - value.RowsDone) / rate) : TimeSpan.Zero;
            _error.Write($"\r{value.Stage,-16} {value.RowsDone,14:N0} / {value.TotalRows:N0} rows  {rate,12:N0} rows/s  ETA {eta:hh\\:mm\\:ss}   ");
        }
    }

    /// <summary>Ends the progress line.</summary>
    public void Finish()
    {
        lock (_lock)
        {
            _error.WriteLine($"\rdone in {_clock.Elapsed:hh\\:mm\\:ss\\.f}{new string(' ', 60)}");
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _clock.Stop();
}
