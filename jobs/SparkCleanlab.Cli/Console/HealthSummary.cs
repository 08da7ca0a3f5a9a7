using System.Globalization;
using System.Text;
using SparkCleanlab.Plan;
using SparkCleanlab.Plan.Reporting;

namespace SparkCleanlab.Cli.Console;

/// <summary>
/// The few lines printed at the end of a run: the flagged rows, where every row went, the health score and the
/// estimate behind it, the worst classes, and what was written where.
/// </summary>
/// <remarks>
/// Two different numbers describe the noise and both are shown, each named: the rows flagged (exactly the rows in
/// issues/) and the number of wrong labels the confident joint estimates, which the health score and the
/// per-class figures come from. The method and --frac-noise decide how close the first comes to the second.
/// </remarks>
public static class HealthSummary
{
    private const int WorstClasses = 3;

    /// <summary>The console summary of a finished run.</summary>
    public static string Render(RunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var inv = CultureInfo.InvariantCulture;
        long valid = run.InputRows - run.InvalidRows;
        var text = new StringBuilder();
        text.Append(inv, $"Flagged {run.IssueRows:N0} of {valid:N0} valid rows ({Share(run.IssueRows, valid)}) as label issues, in {OutputLayout.Issues}/ worst first\n");
        text.Append(inv, $"Rows: {valid:N0} valid = {run.CleanedRows:N0} in {OutputLayout.Cleaned}/ + {run.IssueRows:N0} in {OutputLayout.Issues}/");
        text.Append(inv, $"; {run.InvalidRows:N0} invalid in {OutputLayout.Invalid}/; {run.InputRows:N0} read\n");

        var health = run.Health;
        text.Append(inv, $"Label health score: {health.OverallLabelHealthScore:F4} = 1 - {health.NumLabelIssues:N0} wrong labels estimated by the confident joint / {valid:N0} valid rows\n");
        text.Append(inv, $"Worst classes, by given label (label quality = 1 - estimated wrong labels / rows with that label):\n");
        text.Append(inv, $"  {"class",-20}  {"label quality",13}  {"rows with label",15}  {"est. wrong labels",17}\n");
        foreach (var c in health.ClassesByLabelQuality.Take(WorstClasses))
        {
            text.Append(inv, $"  {run.ClassNames[c.ClassIndex],-20}  {c.LabelQualityScore,13:F4}  {run.Estimates.LabelCounts[c.ClassIndex],15:N0}  {c.LabelIssues,17:N0}\n");
        }

        text.Append(inv, $"Output: {run.OutputPath}\n");
        text.Append("  ").Append(string.Join("  ", Written(run.OutputPath))).Append('\n');
        return text.ToString();
    }

    // What is on disk after the commit, so the list cannot drift from what the engine wrote.
    private static IEnumerable<string> Written(string output) =>
        new[] { OutputLayout.Cleaned, OutputLayout.Issues, OutputLayout.Invalid, OutputLayout.Annotated }
            .Where(folder => Directory.Exists(Path.Combine(output, folder)))
            .Select(folder => folder + "/")
            .Concat(new[] { OutputLayout.Summary, OutputLayout.Report }.Where(file => File.Exists(Path.Combine(output, file))));

    private static string Share(long part, long whole) =>
        ((double)part / Math.Max(whole, 1)).ToString("P2", CultureInfo.InvariantCulture);
}
