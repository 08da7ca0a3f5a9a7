using System.Text.Json;
using SparkCleanlab.Plan.Reporting;
using SparkCleanlab.Plan.Tests.Browser;

namespace SparkCleanlab.Plan.Tests;

/// <summary>Above 100 classes summary.json stays small: the K x K tables move to matrices.json.</summary>
public class MatricesDocumentTests
{
    [Fact]
    public void ManyClassesMoveTheMatricesAndThePairsOutOfTheSummary()
    {
        var file = Path.GetTempFileName();
        try
        {
            var run = SyntheticRun.Create(150, 3000, [], 0, null, collectWorst: false, training: null, file);
            var summary = SummaryDocument.Serialize(SummaryDocument.Build(run, new FindIssuesRequest(), threads: null));
            using var json = JsonDocument.Parse(summary);
            var root = json.RootElement;
            Assert.Equal(SummaryDocument.MatricesFile, root.GetProperty("matrices").GetString());
            Assert.False(root.TryGetProperty("confident_joint", out _));
            Assert.False(root.TryGetProperty("joint", out _));
            Assert.False(root.GetProperty("latent").TryGetProperty("noise_matrix", out _));
            Assert.Equal(150, root.GetProperty("latent").GetProperty("priors").GetArrayLength());
            Assert.False(root.GetProperty("health").TryGetProperty("overlapping_classes", out _));
            Assert.Equal(SummaryDocument.TopOverlappingClasses, root.GetProperty("health").GetProperty("top_overlapping_classes").GetArrayLength());

            using var matrices = JsonDocument.Parse(SummaryDocument.SerializeMatrices(run)!);
            var calibrated = matrices.RootElement.GetProperty("confident_joint").GetProperty("calibrated");
            Assert.Equal(150, calibrated.GetArrayLength());
            Assert.Equal(run.Estimates.ConfidentJoint.Calibrated[3, 7], calibrated[3][7].GetInt64());
            Assert.Equal(150, matrices.RootElement.GetProperty("latent").GetProperty("noise_matrix")[0].GetArrayLength());
            Assert.Equal(150 * 149 / 2, matrices.RootElement.GetProperty("health").GetProperty("overlapping_classes").GetArrayLength());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void FewClassesKeepEverythingInTheSummary()
    {
        var file = Path.GetTempFileName();
        try
        {
            var run = SyntheticRun.Create(100, 2000, [], 0, null, collectWorst: false, training: new TrainingInfo("naive-bayes", ["x"], 3, 7), file);
            using var json = JsonDocument.Parse(SummaryDocument.Serialize(SummaryDocument.Build(run, new FindIssuesRequest(), threads: null)));
            Assert.Null(SummaryDocument.SerializeMatrices(run));
            Assert.False(json.RootElement.TryGetProperty("matrices", out _));
            Assert.Equal(100, json.RootElement.GetProperty("confident_joint").GetProperty("calibrated").GetArrayLength());
            Assert.Equal(100 * 99 / 2, json.RootElement.GetProperty("health").GetProperty("overlapping_classes").GetArrayLength());
            Assert.Equal("naive-bayes", json.RootElement.GetProperty("training").GetProperty("trainer").GetString());
            Assert.Equal(3, json.RootElement.GetProperty("training").GetProperty("folds").GetInt32());
        }
        finally
        {
            File.Delete(file);
        }
    }
}
