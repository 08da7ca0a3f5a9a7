using SparkCleanlab.Plan.Reporting.Html;

namespace SparkCleanlab.Plan.Reporting.MultiLabel;

/// <summary>
/// <c>report.html</c> of a multi-label run: one self-contained page with the headline numbers,
/// the per-class table (lowest label quality first) and the most common flagged memberships.
/// </summary>
internal static class MultiLabelHtmlReport
{
    // Issue pairs shown; summary.json keeps all 2K.
    private const int CommonIssueRows = 20;

    /// <summary>The page for a finished run.</summary>
    public static string Render(MultiLabelRunResult run, FindIssuesRequest request)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(request);
        var e = run.Estimates;
        var html = ReportPage.Begin("Multi-label issues", run, request, e.RowCount, e.ClassCount, [("classes", "Classes"), ("issues", "Common issues")]);

        html.Append("<section id=\"headline\"><h2>")
            .Append(HtmlText.Count(run.IssueRows)).Append(" of ").Append(HtmlText.Count(e.RowCount)).Append(" rows flagged (")
            .Append(HtmlText.Percent(e.RowCount == 0 ? 0 : (double)run.IssueRows / e.RowCount)).Append(")</h2><p>Overall multi-label health score ")
            .Append(HtmlText.Fixed(run.Health.OverallHealthScore)).Append(" · ").Append(HtmlText.Count(run.InvalidRows)).Append(" invalid rows</p></section>");

        html.Append("<section id=\"classes\"><h2>Classes by label quality</h2><table><thead><tr><th>Class</th><th>Rows with it</th>")
            .Append("<th>Flagged: given, should be absent</th><th>Flagged: absent, should be given</th><th>Label quality</th></tr></thead><tbody>");
        foreach (var q in run.Health.ClassesByLabelQuality)
        {
            html.Append("<tr>").Append(HtmlText.NameCell(run.ClassNames[q.ClassIndex]))
                .Append("<td>").Append(HtmlText.Count(e[q.ClassIndex].LabelCounts[1])).Append("</td>")
                .Append("<td>").Append(HtmlText.Count(run.Counts.FlaggedGiven[q.ClassIndex])).Append("</td>")
                .Append("<td>").Append(HtmlText.Count(run.Counts.FlaggedNotGiven[q.ClassIndex])).Append("</td>")
                .Append("<td>").Append(HtmlText.Fixed(q.LabelQualityScore)).Append("</td></tr>");
        }

        html.Append("</tbody></table></section><section id=\"issues\"><h2>Most common issues</h2><table><thead><tr><th>Class</th><th>Suggestion</th><th>Rows</th><th>Share of rows</th></tr></thead><tbody>");
        foreach (var issue in run.Health.CommonIssues.Where(i => i.NumExamples > 0).Take(CommonIssueRows))
        {
            html.Append("<tr>").Append(HtmlText.NameCell(run.ClassNames[issue.ClassIndex]))
                .Append("<td>").Append(issue.InGivenLabel ? "remove" : "add").Append("</td>")
                .Append("<td>").Append(HtmlText.Count(issue.NumExamples)).Append("</td>")
                .Append("<td>").Append(HtmlText.Percent(issue.IssueProbability)).Append("</td></tr>");
        }

        return ReportPage.End(html.Append("</tbody></table></section>"));
    }
}
