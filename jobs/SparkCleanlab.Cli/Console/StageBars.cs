using SparkCleanlab.ML.OutOfFold;
using SparkCleanlab.Plan;
using SparkCleanlab.Plan.Execution;
using Spectre.Console;

namespace SparkCleanlab.Cli.Console;

/// <summary>
/// Progress on a terminal: a Spectre.Console bar per stage (rows done of rows per pass, rate, elapsed, remaining)
/// or training step (models fitted); a finished stage keeps its bar, so the screen shows the run's history.
/// </summary>
public sealed class StageBars(ProgressContext context) : RunProgress
{
    private readonly Lock _lock = new();
    private ProgressTask? _task;
    private string? _name;

    /// <inheritdoc/>
    public override void Report(StageProgress value) => Update(value.Stage, false, value.RowsDone, value.TotalRows);

    /// <inheritdoc/>
    public override void Report(TrainingProgress value) => Update("training " + value.Step, true, value.ModelsDone, value.ModelsTotal);

    /// <inheritdoc/>
    public override void Finish()
    {
        lock (_lock)
        {
            // The run succeeded, so its last stage (publishing, which counts no rows as it goes) is done.
            if (_task is not null)
            {
                _task.Value = _task.MaxValue;
            }

            Complete();
        }
    }

    private void Complete()
    {
        if (_task is not null && _task.State.Get<bool>(CountColumn.UncountedKey))
        {
            _task.Value = _task.MaxValue;
        }

        _task?.StopTask();
    }

    private void Update(string name, bool models, long done, long total)
    {
        lock (_lock)
        {
            if (name != _name || _task is null)
            {
                Complete();
                _name = name;
                _task = context.AddTask(Markup.Escape(name), maxValue: Math.Max(total, 1));
                _task.State.Update<bool>(CountColumn.ModelsKey, _ => models);
            }

            // A stage with nothing to count (opening the inputs) shows as a bar that fills when it ends.
            _task.State.Update<bool>(CountColumn.UncountedKey, _ => total == 0);
            _task.MaxValue = Math.Max(total, 1);
            _task.Value = done;
        }
    }
}
