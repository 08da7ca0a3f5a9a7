using System.Diagnostics;
using System.Globalization;
using SparkCleanlab.ML.OutOfFold;
using SparkCleanlab.Plan;

namespace SparkCleanlab.Cli.Console;

/// <summary>
/// Progress for a log: one line per finished stage (rows, time, rate) or training step (models, time), so a
/// redirected stderr stays readable, with no redrawn lines.
/// </summary>
public sealed class StageLines(TextWriter error) : RunProgress
{
    private readonly Stopwatch _run = Stopwatch.StartNew();
    private readonly Stopwatch _stage = Stopwatch.StartNew();
    private readonly Lock _lock = new();
    private string? _name;
    private string _done = "";

    /// <inheritdoc/>
    public override void Report(StageProgress value)
    {
        // A stage that read no rows (opening the input, publishing the output) says only how long it took.
        if (value.RowsDone == 0)
        {
            Update(value.Stage, "{0}");
            return;
        }

        var rate = value.RowsDone / Math.Max(_stage.Elapsed.TotalSeconds, 1e-3);
        Update(value.Stage, string.Create(CultureInfo.InvariantCulture, $"{value.RowsDone:N0} rows in {{0}} ({rate:N0} rows/s)"));
    }

    /// <inheritdoc/>
    public override void Report(TrainingProgress value) =>
        Update("training " + value.Step, string.Create(CultureInfo.InvariantCulture, $"{value.ModelsDone} / {value.ModelsTotal} models in {{0}}"));

    /// <inheritdoc/>
    public override void Finish()
    {
        lock (_lock)
        {
            WriteStage();
            _name = null;
            error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"done in {_run.Elapsed:hh\\:mm\\:ss\\.f}"));
        }
    }

    // A stage's line is written when the next stage starts, with what its last report said.
    private void Update(string name, string doneFormat)
    {
        lock (_lock)
        {
            if (name != _name)
            {
                WriteStage();
                _name = name;
                _stage.Restart();
            }

            _done = doneFormat;
        }
    }

    private void WriteStage()
    {
        if (_name is not null)
        {
            error.WriteLine($"{_name}: {string.Format(CultureInfo.InvariantCulture, _done, _stage.Elapsed.ToString(@"hh\:mm\:ss\.f", CultureInfo.InvariantCulture))}");
        }
    }
}
