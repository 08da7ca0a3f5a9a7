using SparkCleanlab.ML.OutOfFold;
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
            _task?.StopTask();
        }
    }

    private void Update(string name, bool models, long done, long total)
    {
        lock (_lock)
        {
            if (name != _name || _task is null)
            {
                _task?.StopTask();
                _name = name;
                _task = context.AddTask(Markup.Escape(name), maxValue: Math.Max(total, 1));
                _task.State.Update<bool>(CountColumn.ModelsKey, _ => models);
            }

            _task.MaxValue = Math.Max(total, 1);
            _task.Value = done;
        }
    }
}
