using System.Text;

namespace SparkCleanlab.Plan.Reporting.Html;

/// <summary>The class pairs most often confused either way round (the reference's find_overlapping_classes).</summary>
internal sealed class OverlapSection : ReportSection
{
    private const int Shown = 20;

    /// <inheritdoc/>
    public override string Id => "overlap";

    /// <inheritdoc/>
    public override string Title => "Overlapping classes";

    /// <inheritdoc/>
    protected override void WriteBody(StringBuilder html, ReportContext context)
    {
        var overlaps = context.Run.Health.OverlappingClasses;
        var overlapping = overlaps.Count(o => o.NumOverlappingExamples > 0);
        var top = overlaps.Where(o => o.NumOverlappingExamples > 0).Take(Shown).ToList();
        html.Append("<p>Pairs of classes ranked by how often either is given for the other: p(given A, true B) + p(given B, true A). ")
            .Append("Pairs that overlap a lot may be one concept, or need clearer labelling guidelines. ")
            .Append(HtmlText.Count(overlapping)).Append(" of ").Append(HtmlText.Count(overlaps.Count)).Append(" pairs overlap")
            .Append(top.Count < overlapping ? $"; the top {top.Count} are shown." : ".").Append("</p>");
        if (top.Count == 0)
        {
            html.Append("<p class=\"empty\">No pair of classes overlaps.</p>");
            return;
        }

        var largest = (double)top[0].NumOverlappingExamples;
        html.Append("<table class=\"wide\"><thead><tr><th>#</th><th class=\"text\">class A</th><th class=\"text\">class B</th><th class=\"barhead\">overlapping rows</th><th>joint probability</th></tr></thead><tbody>");
        for (var r = 0; r < top.Count; r++)
        {
            var o = top[r];
            html.Append("<tr><td>").Append(r + 1).Append("</td>").Append(HtmlText.NameCell(context.Name(o.ClassA))).Append(HtmlText.NameCell(context.Name(o.ClassB)))
                .Append(TableBar.Html(o.NumOverlappingExamples / largest, HtmlText.Count(o.NumOverlappingExamples)))
                .Append("<td>").Append(HtmlText.Fixed(o.JointProbability)).Append("</td></tr>");
        }

        html.Append("</tbody></table>");
    }
}
