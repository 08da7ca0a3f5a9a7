using SparkCleanlab.Core;
using SparkCleanlab.Core.Estimation;
using SparkCleanlab.ML.CleanLearning;
using SparkCleanlab.ML.Data;
using SparkCleanlab.ML.OutOfFold;
using SparkCleanlab.ML.Tests.Support;
using SparkCleanlab.ML.Trainers;

namespace SparkCleanlab.ML.Tests.CleanLearning;

public class CleanLearnerTests
{
    private static readonly GoldenFeatures Iris = GoldenFeatures.Load("real_iris");

    [Fact]
    public void FitFindsMostlyRealLabelErrorsAndPrunesThem()
    {
        CleanLearningModel model = new CleanLearner().Fit(FeatureTable.FromMatrix(Iris.Features), Iris.Labels);

        LabelIssueFindings findings = model.Findings!;
        int flagged = findings.RankedIssues.Length;
        int correct = findings.RankedIssues.Count(row => Iris.Labels[row] != Iris.TrueLabels[row]);
        Assert.InRange(flagged, 10, 60);
        Assert.True(correct >= 0.7 * flagged, $"{correct} of {flagged} flagged rows are real errors");
        Assert.Equal(findings.RankedIssues.Order(), Enumerable.Range(0, 150).Where(r => findings.IsLabelIssue[r]));
    }

    [Fact]
    public void ClassWeightsAreTheInverseNoiseMatrixDiagonal()
    {
        LabelIssueFindings findings = new CleanLearner().Fit(FeatureTable.FromMatrix(Iris.Features), Iris.Labels).Findings!;

        for (int k = 0; k < 3; k++)
        {
            Assert.Equal(1.0 / Math.Max(findings.NoiseMatrix[k, k], 1e-3), findings.ClassWeights[k], 12);
            Assert.True(findings.ClassWeights[k] >= 1.0);
        }
    }

    [Fact]
    public void TheNoiseMatrixIsTheUnconvergedCountEstimateOfTheCalibratedJointOfTheSameProbabilities()
    {
        LabelIssueFindings findings = new CleanLearner().Fit(FeatureTable.FromMatrix(Iris.Features), Iris.Labels).Findings!;
        NoiseEstimates estimates = ConfidentLearning.EstimateNoise(Iris.Labels, findings.OutOfFold.Probabilities, 3);

        // The reference's CleanLearning defaults converge_latent_estimates to False, unlike
        // estimate_py_and_noise_matrices_from_probabilities; on this data the two differ.
        Assert.Equal(estimates.Latent(PriorMethod.Count, converge: false).NoiseMatrix, findings.NoiseMatrix);
        Assert.NotEqual(estimates.Latent(PriorMethod.Count, converge: true).NoiseMatrix, findings.NoiseMatrix);
    }

    [Fact]
    public void TheFinalFitSeesOnlyTheKeptRowsEachWeightedByItsGivenClass()
    {
        var table = new FeatureTable(FeatureColumn.Numeric("id", Enumerable.Range(0, 150).Select(i => (float)i).ToArray()), FeatureColumn.Vector("x", Iris.Features));
        var recorder = new RecordingTrainer();

        LabelIssueFindings findings = new CleanLearner(recorder.Trainer).Fit(table, Iris.Labels).Findings!;

        int[] kept = Enumerable.Range(0, 150).Where(r => !findings.IsLabelIssue[r]).ToArray();
        Assert.True(kept.Length < 150);
        var final = Assert.Single(recorder.Models, m => m.Trained.SetEquals(kept));
        Assert.Equal(kept.Select(r => (float)findings.ClassWeights[Iris.Labels[r]]), kept.Select(r => final.Weights[r]));
        Assert.All(recorder.Models.Where(m => m != final), fold => Assert.Empty(fold.Weights));
    }

    [Fact]
    public void PredictionsBeatTheSameTrainerOnNoisyLabelsAgainstTheTruth()
    {
        FeatureTable table = FeatureTable.FromMatrix(Iris.Features);

        double clean = new CleanLearner().Fit(table, Iris.Labels).Score(table, Iris.TrueLabels);
        double noisy = new CleanLearner(options: new CleanLearningOptions { LabelIssues = new() { MinExamplesPerClass = 150 }, UseNoiseMatrixSampleWeights = false })
            .Fit(table, Iris.Labels).Score(table, Iris.TrueLabels);

        Assert.True(clean > noisy, $"clean {clean} vs noisy {noisy}");
    }

    [Fact]
    public void PredictProbabilitiesAreValidAndPredictIsTheirArgmax()
    {
        FeatureTable table = FeatureTable.FromMatrix(Iris.Features);
        CleanLearningModel model = new CleanLearner().Fit(table, Iris.Labels);

        double[] probabilities = model.PredictProbabilities(table);
        int[] predicted = model.Predict(table);

        Assert.All(Enumerable.Range(0, 150), r =>
        {
            double[] row = probabilities[(r * 3)..(r * 3 + 3)];
            Assert.Equal(1.0, row.Sum(), 12);
            Assert.Equal(Array.IndexOf(row, row.Max()), predicted[r]);
        });
    }

    [Theory]
    [InlineData("lbfgs")]
    [InlineData("lbfgs-cv")]
    [InlineData("lightgbm")]
    public void SaveThenLoadGivesTheSameProbabilities(string trainer)
    {
        FeatureTable table = FeatureTable.FromMatrix(Iris.Features);
        CleanLearningModel model = new CleanLearner(MulticlassTrainer.Parse(trainer), new CleanLearningOptions { ClassNames = ["setosa", "versicolor", "virginica"] })
            .Fit(table, Iris.Labels);
        string folder = Path.Combine(Path.GetTempPath(), "sparkcleanlab-ml-" + Guid.NewGuid().ToString("N"));
        try
        {
            model.Save(folder);
            CleanLearningModel loaded = CleanLearningModel.Load(folder);

            Assert.Equal(model.PredictProbabilities(table), loaded.PredictProbabilities(table));
            Assert.Equal(3, loaded.Info.ClassCount);
            Assert.Equal(model.Info.Trainer, loaded.Info.Trainer);
            Assert.StartsWith(trainer, loaded.Info.Trainer, StringComparison.Ordinal);
            Assert.Equal(["setosa", "versicolor", "virginica"], loaded.Info.ClassNames!);
            Assert.Equal(model.Info.ClassWeights, loaded.Info.ClassWeights);
            Assert.Null(loaded.Findings);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void ProgressReportsTheFoldsThenTheFinalModel()
    {
        var progress = new RecordingProgress();
        var options = new CleanLearningOptions { OutOfFold = new OutOfFoldOptions { Folds = 3, Progress = progress } };

        new CleanLearner(options: options).Fit(FeatureTable.FromMatrix(Iris.Features), Iris.Labels);

        Assert.Equal(
            [(OutOfFoldPredictor.ProgressStep, 0), (OutOfFoldPredictor.ProgressStep, 1), (OutOfFoldPredictor.ProgressStep, 2), (OutOfFoldPredictor.ProgressStep, 3),
             (CleanLearner.FinalModelStep, 0), (CleanLearner.FinalModelStep, 1)],
            progress.Reports.Select(r => (r.Step, r.ModelsDone)));
    }

    [Fact]
    public void SameSeedGivesTheSameModel()
    {
        FeatureTable table = FeatureTable.FromMatrix(Iris.Features);
        var options = new CleanLearningOptions { OutOfFold = new OutOfFoldOptions { Seed = 9 } };

        double[] first = new CleanLearner(options: options).Fit(table, Iris.Labels).PredictProbabilities(table);
        double[] second = new CleanLearner(options: options).Fit(table, Iris.Labels).PredictProbabilities(table);

        Assert.Equal(first, second);
    }

    [Fact]
    public void PredictRejectsATableWithoutTheTrainedColumns()
    {
        CleanLearningModel model = new CleanLearner().Fit(FeatureTable.FromMatrix(Iris.Features), Iris.Labels);

        var error = Assert.Throws<ArgumentException>(() => model.Predict(new FeatureTable(FeatureColumn.Numeric("petal", [1f, 2f]))));

        Assert.Contains("'features'", error.Message);
    }

    [Fact]
    public void GivenOutOfFoldProbabilitiesSkipCrossValidation()
    {
        FeatureTable table = FeatureTable.FromMatrix(Iris.Features);
        double[] probabilities = new OutOfFoldPredictor().Predict(table, Iris.Labels, 3).Probabilities;

        CleanLearningModel fromGiven = new CleanLearner().Fit(table, Iris.Labels, 3, probabilities);
        CleanLearningModel computed = new CleanLearner().Fit(table, Iris.Labels, 3);

        Assert.Equal(computed.Findings!.IsLabelIssue, fromGiven.Findings!.IsLabelIssue);
    }

    [Fact]
    public void FitWithoutCleaningTrainsOnEveryRowAndFindsNothing()
    {
        FeatureTable table = FeatureTable.FromMatrix(Iris.Features);

        CleanLearningModel plain = new CleanLearner().FitWithoutCleaning(table, Iris.Labels);

        Assert.Null(plain.Findings);
        Assert.Equal([1.0, 1.0, 1.0], plain.Info.ClassWeights);
        Assert.InRange(plain.Score(table, Iris.Labels), 0.6, 1.0);
    }
}
