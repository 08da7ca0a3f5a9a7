using System.Text;
using SparkCleanlab.Core.Statistics;

namespace SparkCleanlab.Plan.Reporting.Html;

/// <summary>
/// Classes that no row has as its given label, and why they show up as they do: a threshold of
/// 2.0 and empty matrix rows are the reference's way of making them unreachable, not a fault.
/// </summary>
internal sealed class EmptyClassesSection : ReportSection
{
    private const int Listed = 50;

    /// <inheritdoc/>
    public override string Id => "empty";

    /// <inheritdoc/>
    public override string Title => "Classes never given";

    /// <inheritdoc/>
    public override bool Applies(ReportContext context) => context.EmptyClasses.Count > 0;

    /// <inheritdoc/>
    protected override void WriteBody(StringBuilder html, ReportContext context)
    {
        var empty = context.EmptyClasses;
        html.Append("<p>").Append(HtmlText.Count(empty.Count)).Append(empty.Count == 1 ? " class has" : " classes have")
            .Append(" probabilities but no row with that given label:</p><p class=\"chips\">");
        foreach (var c in empty.Take(Listed))
        {
            html.Append("<span class=\"chip\">").Append(HtmlText.Encode(context.Name(c))).Append("</span>");
        }

        if (empty.Count > Listed)
        {
            html.Append("<span class=\"more\">and ").Append(HtmlText.Count(empty.Count - Listed)).Append(" more</span>");
        }

        html.Append("</p><p class=\"note\">With no rows there is no mean self-confidence to use as the class's threshold, so it is set to ")
            .Append(HtmlText.Fixed(ClassThresholds.NeverGiven, 1))
            .Append(" (as the reference does, and as <code>summary.json</code> lists it): above any probability, so no row is ever counted as confidently of that class. ")
            .Append("Their rows and columns of the confident joint are empty and they get no label-quality score. ")
            .Append("The model can still suggest them, because the suggested label is the most probable class.</p>");
    }
}
