using SparkCleanlab.Plan;
using System.Globalization;
using System.Text;
using SparkCleanlab.Plan.Reporting;

namespace SparkCleanlab.Job.Console;

/// <summary>The few lines printed at the end of a run: issues, health score, worst classes, where the output is.</summary>
public static class HealthSummary
{
    /// <summary>The console summary of a finished run.</summary>
    public static string Render(RunResult run)
    {
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.Append(inv, $"Label issues: {run.IssueRows:N0} of {run.InputRows:N0} rows ({(double)run.IssueRows / run.InputRows:P2})");
        text.Append(inv, $"; invalid rows: {run.InvalidRows:N0}\n");
        text.Append(inv, $"Overall label health score: {run.Health.OverallLabelHealthScore:F4}\n");
        text.Append("Worst classes (label quality, estimated label issues):\n");
        foreach (var c in run.Health.ClassesByLabelQuality.Take(3))
        {
            text.Append(inv, $"  {run.ClassNames[c.ClassIndex],-20} {c.LabelQualityScore:F4}  {c.LabelIssues:N0}\n");
        }

        text.Append(inv, $"Output: {run.OutputPath} (cleaned/, issues/, summary.json, report.html)\n");
        return text.ToString();
    }
}
