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
        var html = ReportPage.Begin("Label issues", run, request, context.ValidRows, context.ClassCount, sections.Select(s => (s.Id, s.Title)));
        foreach (var section in sections)
        {
            section.Write(html, context);
        }

        return ReportPage.End(html, SummaryDocument.SplitsMatrices(context.ClassCount) ? SummaryDocument.MatricesFile : null);
    }
}
