using System.Text;
using SparkCleanlab.Core.Estimation;

namespace SparkCleanlab.Plan.Reporting.Html;

/// <summary>
/// The counts first: the flagged rows are the headline, with the valid and invalid rows beside
/// them; then the two estimates of the label noise and the health score, each said for what it is.
/// </summary>
internal sealed class HeadlineSection : ReportSection
{
    /// <inheritdoc/>
    public override string Id => "summary";

    /// <inheritdoc/>
    public override string Title => "Summary";

    /// <inheritdoc/>
    protected override void WriteBody(StringBuilder html, ReportContext context)
    {
        var run = context.Run;
        var e = run.Estimates;
        var method = context.Request.Issues.Method.ReferenceName();
        var flaggedShare = context.ValidRows > 0 ? (double)run.IssueRows / context.ValidRows : 0;
        html.Append("<div class=\"cards\">");
        Card(html, "headline", "Flagged rows", HtmlText.Count(run.IssueRows),
            $"Written to <code>issues/</code>, worst first: {HtmlText.Percent(flaggedShare)} of the valid rows, chosen by <code>{HtmlText.Encode(method)}</code>.");
        Card(html, "", "Valid rows", HtmlText.Count(context.ValidRows),
            $"Passed validation and were scored; {HtmlText.Count(run.CleanedRows)} of them are not flagged and went to <code>cleaned/</code>.");
        Card(html, run.InvalidRows > 0 ? "warn" : "", "Invalid rows", HtmlText.Count(run.InvalidRows),
            run.InvalidRows > 0 ? "Failed validation and were quarantined to <code>invalid/</code> with a reason; they were not scored." : "Every row passed validation.");
        html.Append("</div>");

        html.Append("<h3>Estimates of the label noise</h3><div class=\"cards estimates\">");
        Card(html, "", "Estimated label issues (off-diagonal of the confident joint)", HtmlText.Count(run.Health.NumLabelIssues),
            "Rows confidently belonging to a class other than their given label, whose given label is not the model's top prediction either. This is the estimate behind the health score.");
        Card(html, "", "Estimated label issues (off-diagonal of the calibrated confident joint)", HtmlText.Count(e.NumLabelIssues(IssueCountMethod.OffDiagonalCalibrated)),
            "The off-diagonal of the confident joint after calibration, (1 − trace of the joint) × rows: the noise the matrices below show.");
        Card(html, "", "Overall label health score", HtmlText.Fixed(run.Health.OverallLabelHealthScore),
            "1 − estimated label issues (off-diagonal of the confident joint) / valid rows; 1 means no label noise is estimated.");
        html.Append("</div><p class=\"note\">The flagged rows are the rows the method actually selected; the two estimates count the noise from the confident joint without choosing rows, ")
            .Append("so they need not equal the flagged count. Calibration rescales each given label's row of the confident joint to that label's row count, ")
            .Append("which moves the estimate when the model is more or less confident on some classes than on others.</p>");
    }

    private static void Card(StringBuilder html, string kind, string label, string value, string explanation) =>
        html.Append("<div class=\"card ").Append(kind).Append("\"><div class=\"label\">").Append(HtmlText.Encode(label))
            .Append("</div><div class=\"value\">").Append(value).Append("</div><p>").Append(explanation).Append("</p></div>");
}
