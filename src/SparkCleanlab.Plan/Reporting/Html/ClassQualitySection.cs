using System.Text;

namespace SparkCleanlab.Plan.Reporting.Html;

/// <summary>Per class, worst first: label issues and label quality as bars, with the counts and the threshold.</summary>
internal sealed class ClassQualitySection : ReportSection
{
    /// <inheritdoc/>
    public override string Id => "classes";

    /// <inheritdoc/>
    public override string Title => "Classes by label quality";

    /// <inheritdoc/>
    protected override void WriteBody(StringBuilder html, ReportContext context)
    {
        var e = context.Run.Estimates;
        var given = context.Run.Health.ClassesByLabelQuality.Where(c => !context.IsEmpty(c.ClassIndex)).ToList();
        var shown = context.IsLarge ? given.Take(ReportContext.TableRows).ToList() : given;
        html.Append("<p><b>Label issues</b>: rows given the class whose true class is estimated to be another. <b>Inverse label issues</b>: rows truly of the class given another label. ")
            .Append("<b>Label quality</b>: the estimated share of the class's given labels that are right. <b>Threshold</b>: the class's mean self-confidence, above which a probability counts as confident.");
        if (shown.Count < given.Count)
        {
            html.Append(" The ").Append(shown.Count).Append(" classes of lowest label quality of ").Append(HtmlText.Count(given.Count)).Append(" are shown; <code>summary.json</code> has them all.");
        }

        if (context.EmptyClasses.Count > 0)
        {
            html.Append(" Classes never given are left out (<a href=\"#empty\">see below</a>).");
        }

        html.Append("</p>");
        var mostIssues = Math.Max(1.0, shown.Select(c => c.LabelIssues).DefaultIfEmpty(0).Max());
        html.Append("<table class=\"wide\"><thead><tr><th class=\"text\">class</th><th>given rows</th><th>threshold</th><th class=\"barhead\">label issues</th><th>inverse label issues</th><th>label noise</th><th class=\"barhead\">label quality</th></tr></thead><tbody>");
        foreach (var c in shown)
        {
            html.Append("<tr>").Append(HtmlText.NameCell(context.Name(c.ClassIndex))).Append("<td>")
                .Append(HtmlText.Count(e.LabelCounts[c.ClassIndex])).Append("</td><td>").Append(HtmlText.Fixed(e.Thresholds[c.ClassIndex])).Append("</td>")
                .Append(TableBar.Html(c.LabelIssues / mostIssues, HtmlText.Count(c.LabelIssues), "issues"))
                .Append("<td>").Append(HtmlText.Count(c.InverseLabelIssues)).Append("</td><td>").Append(HtmlText.Fixed(c.LabelNoise)).Append("</td>")
                .Append(TableBar.Html(c.LabelQualityScore, HtmlText.Fixed(c.LabelQualityScore), "quality"))
                .Append("</tr>");
        }

        html.Append("</tbody></table>");
    }
}
