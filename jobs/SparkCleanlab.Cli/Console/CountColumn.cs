using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace SparkCleanlab.Cli.Console;

/// <summary>A progress column with what was done of the total, in the stage's unit (rows, models), and the rate.</summary>
public sealed class CountColumn : ProgressColumn
{
    /// <summary>The task state key that is true when the task counts models rather than rows.</summary>
    public const string ModelsKey = "models";

    /// <summary>The task state key that is true when the stage has no rows to count.</summary>
    public const string UncountedKey = "uncounted";

    /// <inheritdoc/>
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (task.State.Get<bool>(UncountedKey))
        {
            return Text.Empty;
        }

        var unit = task.State.Get<bool>(ModelsKey) ? "models" : "rows";
        var rate = task.Speed is { } speed ? string.Create(CultureInfo.InvariantCulture, $"  {speed:N0} {unit}/s") : "";
        return new Text(string.Create(CultureInfo.InvariantCulture, $"{task.Value:N0} / {task.MaxValue:N0} {unit}{rate}"));
    }
}
