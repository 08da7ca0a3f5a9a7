using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace SparkCleanlab.Cli.Console;

/// <summary>
/// Shows a run's progress on stderr: live Spectre.Console bars on a terminal, one plain line per stage when
/// stderr is a file or a pipe, nothing with <c>--no-progress</c>.
/// </summary>
public static class ProgressDisplay
{
    /// <summary>Runs <paramref name="work"/> with the display that fits stderr; the work gets null when progress is off.</summary>
    public static async Task<T> RunAsync<T>(TextWriter error, bool enabled, Func<RunProgress?, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(work);
        if (!enabled)
        {
            return await work(null);
        }

        if (System.Console.IsErrorRedirected)
        {
            var lines = new StageLines(error);
            var value = await work(lines);
            lines.Finish();
            return value;
        }

        var clock = Stopwatch.StartNew();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(error),
            Interactive = InteractionSupport.Yes,
        });
        var result = await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new CountColumn(),
                new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var bars = new StageBars(context);
                var value = await work(bars);
                bars.Finish();
                return value;
            });
        await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"done in {clock.Elapsed:hh\\:mm\\:ss\\.f}"));
        return result;
    }
}
