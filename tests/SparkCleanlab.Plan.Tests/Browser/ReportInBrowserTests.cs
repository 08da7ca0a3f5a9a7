using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SparkCleanlab.Plan.Reporting;
using Xunit.Abstractions;

namespace SparkCleanlab.Plan.Tests.Browser;

/// <summary>
/// report.html as Chromium renders it, for 3, 10 and 1000 classes: no console message, the
/// heatmaps and tables in the DOM, nothing wider than the page, bounded sizes of report.html and
/// summary.json at K = 1000, and a screenshot of each page in the test output folder.
/// </summary>
public partial class ReportInBrowserTests(ITestOutputHelper output)
{
    private const int Width = 1280;
    private const long MaxBytesAtLargeK = 2 * 1024 * 1024;
    private const long MaxSummaryBytesAtLargeK = 512 * 1024;

    // Written into a copy of the page, so the page itself stays script-free: the DOM Chromium
    // dumps then carries the page's height and anything wider than the main column.
    private const string Probe = """
        <script>(function(){var root=document.documentElement,main=document.querySelector('main'),wide=[];
        var edge=main.getBoundingClientRect().right-parseFloat(getComputedStyle(main).paddingRight);
        document.querySelectorAll('main *').forEach(function(e){var r=e.getBoundingClientRect();if(r.width>0&&r.right>edge+1)wide.push(e.tagName.toLowerCase()+(e.id?'#'+e.id:'')+(e.getAttribute('class')?'.'+e.getAttribute('class'):''));});
        root.setAttribute('data-page-height',Math.ceil(root.scrollHeight));root.setAttribute('data-page-width',Math.ceil(root.scrollWidth));root.setAttribute('data-overflowing',wide.slice(0,10).join(' '));})();</script>
        """;

    private static readonly string[] Cifar10 = ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"];

    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "report-screenshots");

    [ChromiumFact]
    public void ThreeClassesShowEveryMatrixCellTheWorstIssuesAndTheModel()
    {
        var run = Create(3, 1000, [], invalid: 12, ["cat", "dog", "fox"], collectWorst: true,
            new TrainingInfo("logistic-regression", ["sepal_length", "sepal_width", "petal_length", "petal_width"], 5, 42));
        var dom = Render("k3", run);
        Assert.Equal([9, 9, 9], HeatmapCells(dom));
        Assert.Contains("id=\"worst\"", dom);
        Assert.Equal(Math.Min(50, run.IssueRows), Rows(Section(dom, "worst")));
        Assert.Contains("logistic-regression", dom);
        Assert.DoesNotContain("id=\"pairs\"", dom);
    }

    [ChromiumFact]
    public void TenClassesExplainTheClassNeverGiven()
    {
        var run = Create(10, 5000, [9], invalid: 0, Cifar10, collectWorst: false, training: null);
        var dom = Render("k10", run);
        Assert.Equal([100, 100, 100], HeatmapCells(dom));
        var empty = Section(dom, "empty");
        Assert.Contains("truck", empty);
        Assert.Contains("2.0", empty);
        Assert.DoesNotContain("2.0000", Section(dom, "classes"));
        Assert.Contains("Not collected", Section(dom, "worst"));
    }

    [ChromiumFact]
    public void AThousandClassesStaySmallWithBucketedHeatmapsAndTheTopPairs()
    {
        var run = Create(1000, 12_000, [], invalid: 0, null, collectWorst: true, training: null);
        var dom = Render("k1000", run);
        var cells = HeatmapCells(dom);
        Assert.All(cells, c => Assert.Equal(32 * 32, c));
        Assert.Equal(50, Rows(Section(dom, "pairs")));
        Assert.Equal(50, Rows(Section(dom, "classes")));
        var bytes = new FileInfo(Path.Combine(Screenshots, "k1000.html")).Length;
        var summary = Encoding.UTF8.GetByteCount(SummaryDocument.Serialize(SummaryDocument.Build(run, new FindIssuesRequest(), threads: 2)));
        var matrices = Encoding.UTF8.GetByteCount(SummaryDocument.SerializeMatrices(run)!);
        output.WriteLine($"K = 1000: report.html {bytes:N0} bytes, summary.json {summary:N0} bytes, matrices.json {matrices:N0} bytes");
        Assert.True(bytes <= MaxBytesAtLargeK, $"report.html is {bytes:N0} bytes at K = 1000, over {MaxBytesAtLargeK:N0}.");
        Assert.True(summary <= MaxSummaryBytesAtLargeK, $"summary.json is {summary:N0} bytes at K = 1000, over {MaxSummaryBytesAtLargeK:N0}.");
    }

    private static RunResult Create(int k, int rows, int[] neverGiven, int invalid, IReadOnlyList<string>? names, bool collectWorst, TrainingInfo? training)
    {
        Directory.CreateDirectory(Screenshots);
        var input = Path.Combine(Screenshots, $"k{k}-fingerprinted-input.txt");
        File.WriteAllText(input, "stands in for the input file the fingerprint reads");
        return SyntheticRun.Create(k, rows, neverGiven, invalid, names, collectWorst, training, input);
    }

    // Writes the page, checks it in Chromium, saves its screenshot; returns the DOM Chromium built.
    private string Render(string name, RunResult run)
    {
        var clock = Stopwatch.StartNew();
        var request = new FindIssuesRequest { Inputs = ["/data/in/labels.parquet"], Output = run.OutputPath };
        var html = HtmlReport.Render(run, request, threads: 2);
        var page = Path.Combine(Screenshots, name + ".html");
        File.WriteAllText(page, html, new UTF8Encoding(false));
        AssertSelfContained(html);

        var chromium = new HeadlessChromium(HeadlessChromium.Find()!);
        var probe = Path.Combine(Screenshots, name + "-probe.html");
        File.WriteAllText(probe, html.Replace("</body>", Probe + "</body>", StringComparison.Ordinal), new UTF8Encoding(false));
        var (dom, console) = chromium.DumpDom(probe, Width);
        Assert.True(console.Count == 0, "Chromium's console:\n" + string.Join('\n', console));
        foreach (var id in new[] { "summary", "matrices", "overlap", "classes", "worst", "run" })
        {
            Assert.Contains($"<section id=\"{id}\">", dom);
        }

        Assert.Contains(HtmlText(run.IssueRows), Section(dom, "summary"));
        Assert.Contains("<title>", dom);
        Assert.Equal("", Attribute(dom, "data-overflowing"));
        Assert.True(int.Parse(Attribute(dom, "data-page-width"), CultureInfo.InvariantCulture) <= Width, "The page is wider than the window.");

        var height = int.Parse(Attribute(dom, "data-page-height"), CultureInfo.InvariantCulture);
        var png = Path.Combine(Screenshots, name + ".png");
        chromium.Screenshot(page, png, Width, height);
        output.WriteLine($"{name}: {html.Length:N0} characters, {height} px tall, checked in {clock.Elapsed.TotalSeconds:F1} s; screenshot {png}");
        return dom;
    }

    private static void AssertSelfContained(string html)
    {
        foreach (var external in new[] { "http://", "https://", "<link", "<script", "@import", "url(//" })
        {
            Assert.DoesNotContain(external, html, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static string HtmlText(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    private static string Attribute(string dom, string name) =>
        Regex.Match(dom, name + "=\"([^\"]*)\"") is { Success: true } match ? match.Groups[1].Value : throw new Xunit.Sdk.XunitException($"The probe wrote no {name}.");

    private static string Section(string dom, string id)
    {
        var start = dom.IndexOf($"<section id=\"{id}\">", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No section {id}.");
        return dom[start..dom.IndexOf("</section>", start, StringComparison.Ordinal)];
    }

    private static int Rows(string section) =>
        TableBody().Matches(section).Sum(body => Regex.Count(body.Value, "<tr>"));

    // The cells of each heatmap: its rects with a hover title.
    private static int[] HeatmapCells(string dom) =>
        Heatmap().Matches(dom).Select(svg => Regex.Count(svg.Value, "<rect [^>]*><title>")).ToArray();

    [GeneratedRegex("<svg class=\"heatmap\".*?</svg>", RegexOptions.Singleline)]
    private static partial Regex Heatmap();

    [GeneratedRegex("<tbody>.*?</tbody>", RegexOptions.Singleline)]
    private static partial Regex TableBody();
}
