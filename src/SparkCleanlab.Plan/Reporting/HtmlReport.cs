using System.Globalization;
using System.Net;
using System.Text;

namespace SparkCleanlab.Plan.Reporting;

/// <summary><c>report.html</c>: the summary's main numbers on one static page, no scripts.</summary>
public static class HtmlReport
{
    /// <summary>The page for a finished run.</summary>
    public static string Render(RunResult run)
    {
        var inv = CultureInfo.InvariantCulture;
        var names = run.ClassNames;
        var e = run.Estimates;
        var html = new StringBuilder();
        html.Append("<!doctype html><html><head><meta charset=\"utf-8\"><title>SparkCleanlab report</title><style>")
            .Append("body{font-family:sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse;margin:1em 0}")
            .Append("td,th{border:1px solid #ccc;padding:.3em .6em;text-align:right}th{background:#f4f4f4}</style></head><body>")
            .Append("<h1>Label issues</h1>")
            .Append(inv, $"<p><b>{run.IssueRows:N0}</b> label issues in <b>{run.InputRows:N0}</b> rows ({run.InvalidRows:N0} invalid). ")
            .Append(inv, $"Overall label health score: <b>{run.Health.OverallLabelHealthScore:F4}</b>.</p>")
            .Append("<h2>Classes by label quality (worst first)</h2><table><tr><th>class</th><th>rows</th><th>label issues</th><th>inverse label issues</th><th>label noise</th><th>label quality</th></tr>");
        foreach (var c in run.Health.ClassesByLabelQuality)
        {
            html.Append(inv, $"<tr><td>{Encode(names[c.ClassIndex])}</td><td>{e.LabelCounts[c.ClassIndex]:N0}</td><td>{c.LabelIssues:N0}</td><td>{c.InverseLabelIssues:N0}</td><td>{c.LabelNoise:F4}</td><td>{c.LabelQualityScore:F4}</td></tr>");
        }

        html.Append("</table><h2>Confident joint (calibrated), given label by row, true label by column</h2>");
        Matrix(html, names, e.ConfidentJoint.Calibrated, v => v.ToString("N0", inv));
        html.Append("<h2>Thresholds</h2>");
        Matrix(html, names, Row(e.Thresholds.ToArray()), v => v.ToString("F4", inv));
        html.Append("<h2>Timings</h2><table>");
        foreach (var (stage, elapsed) in run.Timings.Stages)
        {
            html.Append(inv, $"<tr><th>{Encode(stage)}</th><td>{elapsed.TotalSeconds:F2} s</td></tr>");
        }

        html.Append(inv, $"</table><p>Engine {run.Engine}; input hash {run.Fingerprint?.Hash ?? "not taken"}; {run.SelectionRounds} selection rounds.</p></body></html>");
        return html.ToString();
    }

    private static void Matrix<T>(StringBuilder html, IReadOnlyList<string> names, T[,] values, Func<T, string> format)
    {
        html.Append("<table><tr><th></th>");
        foreach (var name in names.Take(values.GetLength(1)))
        {
            html.Append("<th>").Append(Encode(name)).Append("</th>");
        }

        html.Append("</tr>");
        for (var i = 0; i < values.GetLength(0); i++)
        {
            html.Append("<tr><th>").Append(values.GetLength(0) == 1 ? "" : Encode(names[i])).Append("</th>");
            for (var j = 0; j < values.GetLength(1); j++)
            {
                html.Append("<td>").Append(format(values[i, j])).Append("</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</table>");
    }

    private static double[,] Row(double[] values)
    {
        var row = new double[1, values.Length];
        for (var j = 0; j < values.Length; j++)
        {
            row[0, j] = values[j];
        }

        return row;
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
