using System.Text;

namespace SparkCleanlab.Plan.Reporting.Html;

/// <summary>The worst flagged rows with their given and suggested labels, when the engine collected them.</summary>
internal sealed class WorstIssuesSection : ReportSection
{
    /// <inheritdoc/>
    public override string Id => "worst";

    /// <inheritdoc/>
    public override string Title => "Worst issues";

    /// <inheritdoc/>
    protected override void WriteBody(StringBuilder html, ReportContext context)
    {
        if (context.Run.WorstIssues is not { } issues)
        {
            html.Append("<p class=\"empty\">Not collected: this run did not gather the worst rows for the report. ")
                .Append("They are in <code>issues/</code>, ordered by <code>issue_rank</code>.</p>");
            return;
        }

        if (issues.Count == 0)
        {
            html.Append("<p class=\"empty\">No row was flagged.</p>");
            return;
        }

        var shown = issues.Take(ReportContext.TableRows).ToList();
        var extra = shown.SelectMany(i => i.Extra.Keys).Distinct(StringComparer.Ordinal).ToList();
        html.Append("<p>The ").Append(shown.Count).Append(" rows most likely mislabelled, lowest label quality first")
            .Append(context.Run.IssueRows > shown.Count ? $", of {HtmlText.Count(context.Run.IssueRows)} flagged; all are in <code>issues/</code>." : ".")
            .Append("</p><table class=\"wide\"><thead><tr><th>rank</th><th class=\"text\">row</th><th class=\"text\">given label</th><th class=\"text\">suggested label</th><th class=\"barhead\">label quality</th>");
        foreach (var column in extra)
        {
            html.Append("<th class=\"text\">").Append(HtmlText.Encode(column)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var issue in shown)
        {
            html.Append("<tr><td>").Append(HtmlText.Count(issue.Rank)).Append("</td>").Append(HtmlText.NameCell(issue.Row))
                .Append(HtmlText.NameCell(issue.GivenLabel)).Append(HtmlText.NameCell(issue.SuggestedLabel))
                .Append(TableBar.Html(issue.Score, HtmlText.Fixed(issue.Score), "quality"));
            foreach (var column in extra)
            {
                html.Append(HtmlText.NameCell(issue.Extra.TryGetValue(column, out var value) ? value : ""));
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table>");
    }
}
