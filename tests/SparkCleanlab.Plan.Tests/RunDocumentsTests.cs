using System.Text.Json;
using SparkCleanlab.Core;
using SparkCleanlab.Core.Health;
using SparkCleanlab.Plan.Reporting;

namespace SparkCleanlab.Plan.Tests;

/// <summary>summary.json and report.html are the same documents whichever engine ran.</summary>
public class RunDocumentsTests
{
    private static RunResult Run(string engine, InputFingerprint? fingerprint)
    {
        var golden = GoldenCase.Load("synthetic_k3_n1000");
        var estimates = ConfidentLearning.EstimateNoise(golden.Labels, golden.Probabilities, golden.ClassCount);
        var timings = new StageTimings();
        timings.Add("confident-joint", TimeSpan.FromMilliseconds(1500));
        return new RunResult
        {
            Engine = engine,
            OutputPath = "/out",
            InputRows = golden.RowCount,
            InvalidRows = 0,
            IssueRows = 150,
            ClassNames = ["0", "1", "2"],
            Estimates = estimates,
            Health = DatasetHealth.From(estimates),
            SelectionRounds = 2,
            Timings = timings,
            Fingerprint = fingerprint,
        };
    }

    [Fact]
    public void SummaryCarriesTheEstimatesUnderTheReferenceNames()
    {
        var run = Run("spark", null);
        using var json = JsonDocument.Parse(SummaryDocument.Serialize(SummaryDocument.Build(run, new FindIssuesRequest(), threads: null)));
        var root = json.RootElement;
        Assert.Equal("spark", root.GetProperty("engine").GetString());
        Assert.Equal(run.Estimates.Thresholds.ToArray(), root.GetProperty("thresholds").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(run.Estimates.NumLabelIssues(), root.GetProperty("num_label_issues").GetProperty("off_diagonal").GetInt64());
        Assert.Equal(850, root.GetProperty("rows").GetProperty("cleaned").GetInt64());
        Assert.Equal(1.5, root.GetProperty("timings_seconds").GetProperty("confident-joint").GetDouble());
        Assert.False(root.TryGetProperty("input", out _));
        Assert.False(root.GetProperty("parameters").TryGetProperty("threads", out _));
    }

    [Fact]
    public void SummaryHasTheInputFingerprintWhenTheEngineTookOne()
    {
        var file = Path.GetTempFileName();
        try
        {
            var run = Run("local", InputFingerprint.Of([file], 1000));
            using var json = JsonDocument.Parse(SummaryDocument.Serialize(SummaryDocument.Build(run, new FindIssuesRequest(), threads: 2)));
            Assert.Equal(run.Fingerprint!.Hash, json.RootElement.GetProperty("input").GetProperty("hash").GetString());
            Assert.Equal(2, json.RootElement.GetProperty("parameters").GetProperty("threads").GetInt32());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void ReportNamesTheEngineAndTheHealthScore()
    {
        var run = Run("spark", null);
        var html = HtmlReport.Render(run, new FindIssuesRequest(), threads: null);
        Assert.Contains("engine spark", html);
        Assert.Contains(run.Health.OverallLabelHealthScore.ToString("F4", System.Globalization.CultureInfo.InvariantCulture), html);
        Assert.Contains("not taken", html);
    }
}
