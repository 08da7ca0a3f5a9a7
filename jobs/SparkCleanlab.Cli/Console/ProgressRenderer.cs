using System.Diagnostics;
using SparkCleanlab.Plan.Execution;
using SparkCleanlab.ML.OutOfFold;
using SparkCleanlab.Plan;

namespace SparkCleanlab.Cli.Console;

/// <summary>
/// One progress line on stderr (stage, rows, throughput, ETA; or while training, the models
/// fitted), redrawn at most a few times a second. Only on a terminal: logs and pipes get no
/// progress noise.
/// </summary>
public sealed class ProgressRenderer : IProgress<StageProgress>, IProgress<TrainingProgress>, IDisposable
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

    /// <inheritdoc/>
    public void Report(TrainingProgress value)
    {
        lock (_lock)
        {
            if (value.Step != _stage)
            {
                _stage = value.Step;
                _stageClock.Restart();
            }

            // Models take seconds to minutes each, so every report is drawn; the ETA assumes the rest
            // take as long. A finished step keeps its line, so what the command prints next starts afresh.
            var elapsed = _stageClock.Elapsed;
            if (value.ModelsDone >= value.ModelsTotal)
            {
                _error.WriteLine($"\rtraining {value.Step,-12} {value.ModelsDone} / {value.ModelsTotal} models in {elapsed:hh\\:mm\\:ss\\.f}{new string(' ', 24)}");
                return;
            }

            var eta = value.ModelsDone > 0 ? (elapsed / value.ModelsDone * (value.ModelsTotal - value.ModelsDone)).ToString(@"hh\:mm\:ss") : "--:--:--";
            _error.Write($"\rtraining {value.Step,-12} {value.ModelsDone} / {value.ModelsTotal} models  {elapsed:hh\\:mm\\:ss} elapsed  ETA {eta}   ");
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
