using SparkCleanlab.ML.CleanLearning;
using SparkCleanlab.ML.Data;
using SparkCleanlab.ML.OutOfFold;
using SparkCleanlab.ML.Tests.Support;
using SparkCleanlab.ML.Trainers;

namespace SparkCleanlab.ML.Tests.Trainers;

public class CrossValidatedTrainerTests
{
    [Theory]
    [InlineData(0.01f, 1000f)]
    [InlineData(1000f, 0.01f)]
    public void InformativeFeaturesChooseTheWeakPenalty(float first, float second)
    {
        (float[][] x, int[] labels) = SyntheticData.Blobs(150, 3, 3, seed: 11);

        string chosen = ChosenTrainer(x, labels, first, second);

        Assert.Equal("lbfgs-cv: lbfgs l2=0.01", chosen);
    }

    [Theory]
    [InlineData(0.01f, 1000f)]
    [InlineData(1000f, 0.01f)]
    public void LabelsUnrelatedToTheFeaturesChooseTheStrongPenalty(float first, float second)
    {
        (float[][] x, _) = SyntheticData.Blobs(150, 3, 12, seed: 12);
        var random = new Random(13);
        int[] labels = Enumerable.Range(0, 150).Select(i => i < 3 ? i : random.Next(3)).ToArray();

        string chosen = ChosenTrainer(x, labels, first, second);

        Assert.Equal("lbfgs-cv: lbfgs l2=1000", chosen);
    }

    [Fact]
    public void TheChoiceNeverPredictsARowItTrainedOn()
    {
        (float[][] x, int[] labels) = SyntheticData.Blobs(120, 3, 4, seed: 14);
        var table = new FeatureTable(FeatureColumn.Numeric("id", Enumerable.Range(0, 120).Select(i => (float)i).ToArray()), FeatureColumn.Vector("x", x));
        var weak = new RecordingTrainer();
        var strong = new RecordingTrainer();
        MulticlassTrainer trainer = MulticlassTrainer.CrossValidated("cv", [weak.Trainer, strong.Trainer], folds: 3);

        OutOfFoldPredictions predictions = new OutOfFoldPredictor(trainer, new OutOfFoldOptions { Folds = 4 }).Predict(table, labels, 3);

        Assert.Equal(Enumerable.Repeat("recording", 4), predictions.FoldTrainers);

        // Per outer fold: each candidate on 3 inner folds, then the chosen one on all the fold's rows.
        Assert.Equal(4 * (2 * 3 + 1), weak.Models.Count + strong.Models.Count);
        Assert.All(weak.Models.Concat(strong.Models), m => Assert.DoesNotContain(m.Predicted, m.Trained.Contains));
        List<int> predictedByFinalModels = weak.Models.Concat(strong.Models).Where(m => m.Trained.Count > 80).SelectMany(m => m.Predicted).ToList();
        Assert.Equal(Enumerable.Range(0, 120), predictedByFinalModels.Order());
    }

    [Fact]
    public void ParseKnowsTheCrossValidatedLogisticRegression()
    {
        MulticlassTrainer trainer = MulticlassTrainer.Parse("lbfgs-cv");

        Assert.Equal("lbfgs-cv", trainer.Name);
        Assert.Equal(MulticlassTrainer.DefaultL2Grid.Count, trainer.Candidates!.Count);
        Assert.True(trainer.StandardizeFeatures);
    }

    [Fact]
    public void CandidatesMustBePlainAndAgreeOnScaling()
    {
        MulticlassTrainer searched = MulticlassTrainer.LbfgsMaximumEntropyCrossValidated();

        Assert.Throws<ArgumentException>(() => MulticlassTrainer.CrossValidated("nested", [searched]));
        Assert.Throws<ArgumentException>(() => MulticlassTrainer.CrossValidated("mixed", [MulticlassTrainer.LbfgsMaximumEntropy(), MulticlassTrainer.LightGbm()]));
        Assert.Throws<ArgumentOutOfRangeException>(() => MulticlassTrainer.CrossValidated("none", []));
        Assert.Throws<ArgumentOutOfRangeException>(() => MulticlassTrainer.CrossValidated("one fold", [MulticlassTrainer.LbfgsMaximumEntropy()], folds: 1));
    }

    private static string ChosenTrainer(float[][] x, int[] labels, float first, float second)
    {
        MulticlassTrainer trainer = MulticlassTrainer.LbfgsMaximumEntropyCrossValidated([first, second]);
        return new CleanLearner(trainer).FitWithoutCleaning(FeatureTable.FromMatrix(x), labels, 3).Info.Trainer;
    }
}
