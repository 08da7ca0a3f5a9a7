using System.Text;

namespace SparkCleanlab.Plan.Reporting.Html;

/// <summary>
/// The frame of every <c>report.html</c>, single- or multi-label: the head with the inline style, the
/// header with the run in one line and the links to the sections, and the footer, so the pages stay alike.
/// </summary>
internal static class ReportPage
{
    /// <summary>Starts a page and opens its main part, where the sections go.</summary>
    /// <param name="subject">What the page lists (<c>Label issues</c>): the title and the heading start with it.</param>
    /// <param name="run">The run, for its flagged rows and engine.</param>
    /// <param name="request">What was asked for, for the method.</param>
    /// <param name="validRows">Rows that passed validation.</param>
    /// <param name="classCount">K.</param>
    /// <param name="contents">The anchor and heading of each section the header links to.</param>
    public static StringBuilder Begin(string subject, RunOutcome run, FindIssuesRequest request, long validRows, int classCount, IEnumerable<(string Id, string Title)> contents)
    {
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
            .Append("<title>").Append(subject).Append(": ").Append(HtmlText.Count(run.IssueRows)).Append(" flagged rows</title><style>").Append(ReportStyle.Css).Append("</style></head><body>")
            .Append("<header><div class=\"wrap\"><h1>").Append(subject).Append(" report</h1><p class=\"sub\">")
            .Append(HtmlText.Count(validRows)).Append(" valid rows · ").Append(HtmlText.Count(classCount)).Append(" classes · ")
            .Append(HtmlText.Encode(request.Issues.Method.ReferenceName())).Append(" · engine ").Append(HtmlText.Encode(run.Engine)).Append("</p><nav>");
        foreach (var (id, title) in contents)
        {
            html.Append("<a href=\"#").Append(id).Append("\">").Append(HtmlText.Encode(title)).Append("</a>");
        }

        return html.Append("</nav></div></header><main class=\"wrap\">");
    }

    /// <summary>Closes the main part and the page.</summary>
    /// <param name="html">The page so far.</param>
    /// <param name="alsoIn">A file beside <c>summary.json</c> that holds some of the page's numbers, or null.</param>
    public static string End(StringBuilder html, string? alsoIn = null) =>
        html.Append("</main><footer class=\"wrap\">Every number on this page is also in <code>summary.json</code>")
            .Append(alsoIn is null ? "" : $" and <code>{alsoIn}</code>")
            .Append(".</footer></body></html>").ToString();
}
