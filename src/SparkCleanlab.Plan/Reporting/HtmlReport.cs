using System.Text;
using SparkCleanlab.Plan.Reporting.Html;

namespace SparkCleanlab.Plan.Reporting;

/// <summary>
/// <c>report.html</c>: one self-contained page (inline CSS and SVG, no scripts, nothing fetched)
/// with the flagged rows first, the noise matrices as heatmaps, the classes and pairs to look at,
/// the worst issues and how the run was made. Its size does not grow with K²: above
/// 50 classes the matrices are bucketed and the tables keep their top rows.
/// </summary>
internal static class HtmlReport
{
    private static readonly ReportSection[] Sections =
    [
        new HeadlineSection(),
        new MatricesSection(),
        new ConfusedPairsSection(),
        new OverlapSection(),
        new ClassQualitySection(),
        new EmptyClassesSection(),
        new WorstIssuesSection(),
        new RunDetailsSection(),
    ];

    /// <summary>The page for a finished run.</summary>
    /// <param name="run">The run.</param>
    /// <param name="request">What was asked for: the method, its parameters and the input.</param>
    /// <param name="threads">Threads of the local engine, when known.</param>
    public static string Render(RunResult run, FindIssuesRequest request, int? threads)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(request);
        var context = new ReportContext(run, request, threads);
        var sections = Sections.Where(s => s.Applies(context)).ToList();
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
            .Append("<title>Label issues: ").Append(HtmlText.Count(run.IssueRows)).Append(" flagged rows</title><style>").Append(ReportStyle.Css).Append("</style></head><body>")
            .Append("<header><div class=\"wrap\"><h1>Label issues report</h1><p class=\"sub\">")
            .Append(HtmlText.Count(context.ValidRows)).Append(" valid rows · ").Append(HtmlText.Count(context.ClassCount)).Append(" classes · ")
            .Append(HtmlText.Encode(request.Issues.Method.ReferenceName())).Append(" · engine ").Append(HtmlText.Encode(run.Engine)).Append("</p><nav>");
        foreach (var section in sections)
        {
            html.Append("<a href=\"#").Append(section.Id).Append("\">").Append(HtmlText.Encode(section.Title)).Append("</a>");
        }

        html.Append("</nav></div></header><main class=\"wrap\">");
        foreach (var section in sections)
        {
            section.Write(html, context);
        }

        return html.Append("</main><footer class=\"wrap\">Every number on this page is also in <code>summary.json</code>")
            .Append(SummaryDocument.SplitsMatrices(context.ClassCount) ? $" and <code>{SummaryDocument.MatricesFile}</code>" : "")
            .Append(".</footer></body></html>").ToString();
    }
}
