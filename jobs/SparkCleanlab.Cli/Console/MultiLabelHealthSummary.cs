using System.Globalization;
using System.Text;
using SparkCleanlab.Plan;
using SparkCleanlab.Plan.Reporting.MultiLabel;

namespace SparkCleanlab.Cli.Console;

/// <summary>The few lines printed at the end of a multi-label run: issues, health score, worst classes, where the output is.</summary>
public static class MultiLabelHealthSummary
{
    /// <summary>The console summary of a finished multi-label run.</summary>
    public static string Render(MultiLabelRunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append(inv, $"Multi-label issues: {run.IssueRows:N0} of {run.InputRows:N0} rows ({(double)run.IssueRows / run.InputRows:P2})");
        text.Append(inv, $"; invalid rows: {run.InvalidRows:N0}\n");
        text.Append(inv, $"Overall multi-label health score: {run.Health.OverallHealthScore:F4}\n");
        text.Append("Worst classes (label quality, flagged given, flagged missing):\n");
        foreach (var c in run.Health.ClassesByLabelQuality.Take(3))
        {
            text.Append(inv, $"  {run.ClassNames[c.ClassIndex],-20} {c.LabelQualityScore:F4}  {run.Counts.FlaggedGiven[c.ClassIndex]:N0}  {run.Counts.FlaggedNotGiven[c.ClassIndex]:N0}\n");
        }

        text.Append(inv, $"Output: {run.OutputPath} (cleaned/, issues/, summary.json, report.html)\n");
        return text.ToString();
    }
}
