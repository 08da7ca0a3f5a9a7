using Microsoft.ML;
using SparkCleanlab.ML.Data;
using SparkCleanlab.ML.Errors;
using SparkCleanlab.ML.OutOfFold;
using SparkCleanlab.ML.Tests.Support;
using SparkCleanlab.ML.Trainers;

namespace SparkCleanlab.ML.Tests.OutOfFold;

public class OutOfFoldPredictorTests
{
    [Fact]
    public void EveryRowIsPredictedExactlyOnceByAModelThatDidNotTrainOnIt()
    {
        (float[][] x, int[] labels) = SyntheticData.Blobs(120, 3, 4, seed: 1);
        var table = new FeatureTable(FeatureColumn.Numeric("id", Enumerable.Range(0, 120).Select(i => (float)i).ToArray()), FeatureColumn.Vector("x", x));
        var recorder = new RecordingTrainer();

        new OutOfFoldPredictor(recorder.Trainer, new OutOfFoldOptions { Folds = 4 }).Predict(table, labels, 3);

        Assert.Equal(4, recorder.Models.Count);
        List<int> predicted = recorder.Models.SelectMany(m => m.Predicted).ToList();
        Assert.Equal(Enumerable.Range(0, 120), predicted.Order());
        Assert.All(recorder.Models, m => Assert.DoesNotContain(m.Predicted, m.Trained.Contains));
    }

    [Fact]
    public void ProgressCountsEveryFoldModelOnceFromZero()
    {
        (float[][] x, int[] labels) = SyntheticData.Blobs(90, 3, 4, seed: 3);
        var progress = new RecordingProgress();

        new OutOfFoldPredictor(options: new OutOfFoldOptions { Folds = 4, Progress = progress }).Predict(FeatureTable.FromMatrix(x), labels, 3);

        Assert.All(progress.Reports, r => Assert.Equal((OutOfFoldPredictor.ProgressStep, 4), (r.Step, r.ModelsTotal)));
        Assert.Equal([0, 1, 2, 3, 4], progress.Reports.Select(r => r.ModelsDone));
    }

    [Fact]
    public void ARowBorrowedForAClassMissingFromTrainingGetsItsLabelNotAPrediction()
    {
        (float[][] x, int[] labels) = SyntheticData.Blobs(60, 2, 3, seed: 2);
        labels[7] = 2;

        OutOfFoldPredictions oof = new OutOfFoldPredictor(options: new OutOfFoldOptions { Folds = 5 }).Predict(FeatureTable.FromMatrix(x), labels, 3);

        // The only class-2 row is held out by one fold, whose training set would lack class 2: the
        // row is trained on there, so it gets the dummy prediction "class 2, certainly".
        Assert.Equal([0.0, 0.0, 1.0], oof.Row(7).ToArray());
        Assert.All(Enumerable.Range(0, 60).Where(r => r != 7), r => Assert.True(oof.Row(r)[2] < 1.0));
    }

    [Fact]
    public void ProbabilitiesAreValidAndAlignedWithTheInputRows()
    {
        (float[][] x, int[] labels) = SyntheticData.Blobs(150, 3, 3, seed: 4);

        OutOfFoldPredictions oof = new OutOfFoldPredictor().Predict(FeatureTable.FromMatrix(x), labels, 3);

        Assert.Equal(150 * 3, oof.Probabilities.Length);
        Assert.All(Enumerable.Range(0, 150), r =>
        {
            Assert.All(oof.Row(r).ToArray(), p => Assert.InRange(p, 0.0, 1.0));
            Assert.Equal(1.0, oof.Row(r).ToArray().Sum(), 12);
        });
        double accuracy = Enumerable.Range(0, 150).Count(r => ArgMax(oof.Row(r)) == labels[r]) / 150.0;
        Assert.True(accuracy > 0.7, $"accuracy {accuracy}");
    }

    [Fact]
    public void ClassColumnsFollowLabelIndicesWhateverOrderClassesFirstAppearIn()
    {
        (float[][] x, int[] labels) = SyntheticData.Blobs(150, 3, 3, seed: 5);
        int[] order = Enumerable.Range(0, 150).OrderByDescending(i => labels[i]).ThenBy(i => i).ToArray();
        float[][] reordered = order.Select(i => x[i]).ToArray();
        int[] reorderedLabels = order.Select(i => labels[i]).ToArray();

        OutOfFoldPredictions oof = new OutOfFoldPredictor().Predict(FeatureTable.FromMatrix(reordered), reorderedLabels, 3);

        Assert.Equal(2, reorderedLabels[0]);
        double accuracy = Enumerable.Range(0, 150).Count(r => ArgMax(oof.Row(r)) == reorderedLabels[r]) / 150.0;
        Assert.True(accuracy > 0.7, $"accuracy {accuracy}");
    }

    [Theory]
    [InlineData("lbfgs")]
    [InlineData("lbfgs-cv")]
    [InlineData("sdca")]
    [InlineData("lightgbm")]
    [InlineData("fasttree-ova")]
    public void SameSeedGivesIdenticalProbabilities(string trainer)
    {
        (float[][] x, int[] labels) = SyntheticData.Blobs(90, 3, 4, seed: 6);
        var options = new OutOfFoldOptions { Folds = 3, Seed = 42 };

        double[] first = new OutOfFoldPredictor(MulticlassTrainer.Parse(trainer), options).Predict(FeatureTable.FromMatrix(x), labels, 3).Probabilities;
        double[] second = new OutOfFoldPredictor(MulticlassTrainer.Parse(trainer), options with { MaxDegreeOfParallelism = 1 }).Predict(FeatureTable.FromMatrix(x), labels, 3).Probabilities;

        Assert.Equal(first, second);
    }

    [Fact]
    public void CategoricalAndTextColumnsAreFeaturised()
    {
        string[] colours = ["red", "green", "blue"];
        string[] words = ["apple pie", "grass field", "ocean sky"];
        int[] labels = Enumerable.Range(0, 90).Select(i => i % 3).ToArray();
        var table = new FeatureTable(
            FeatureColumn.Categorical("colour", labels.Select(l => colours[l]).ToArray()),
            FeatureColumn.Text("note", labels.Select((l, i) => words[l] + " " + i).ToArray()),
            FeatureColumn.Numeric("noise", labels.Select((l, i) => (float)(i % 7)).ToArray()));

        OutOfFoldPredictions oof = new OutOfFoldPredictor().Predict(table, labels, 3);

        Assert.All(Enumerable.Range(0, 90), r => Assert.Equal(labels[r], ArgMax(oof.Row(r))));
    }

    [Fact]
    public void AClassWithNoRowsIsAClearTypedError()
    {
        (float[][] x, int[] labels) = SyntheticData.Blobs(40, 2, 2, seed: 7);

        var error = Assert.Throws<InsufficientClassDataException>(() => new OutOfFoldPredictor().Predict(FeatureTable.FromMatrix(x), labels, 3));

        Assert.Equal(2, error.ClassIndex);
        Assert.Equal(0, error.RowCount);
        Assert.Contains("Class 2 has too few rows (0)", error.Message);
    }

    [Fact]
    public void ATrainerFailingOnASmallClassNamesTheClassAndItsRows()
    {
        (float[][] x, int[] labels) = SyntheticData.Blobs(60, 2, 3, seed: 8);
        labels[3] = 2;
        labels[4] = 2;
        labels[5] = 2;
        var strict = MulticlassTrainer.Custom("strict", true, (ml, c) => new MinimumRowsTrainer(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(c.Label, c.Features), c.Label, 4));

        var error = Assert.Throws<InsufficientClassDataException>(() => new OutOfFoldPredictor(strict, new OutOfFoldOptions { Folds = 3 }).Predict(FeatureTable.FromMatrix(x), labels, 3));

        Assert.Equal(2, error.ClassIndex);
        Assert.Equal(2, error.RowCount);
        Assert.Contains("strict trainer failed on fold", error.Message);
        Assert.Contains("Add labelled rows for this class", error.Message);
        Assert.IsType<InvalidOperationException>(error.InnerException);
    }

    [Fact]
    public void DataBeyondTheMemoryBudgetIsRefusedWithAdviceToBringPredictions()
    {
        (float[][] x, int[] labels) = SyntheticData.Blobs(100, 2, 10, seed: 9);

        var error = Assert.Throws<DataTooLargeException>(() =>
            new OutOfFoldPredictor(options: new OutOfFoldOptions { MemoryBudgetBytes = 1024 }).Predict(FeatureTable.FromMatrix(x), labels, 2));

        Assert.Contains("out-of-fold predicted probabilities", error.Message);
        Assert.True(error.EstimatedBytes > error.BudgetBytes);
    }

    private static int ArgMax(ReadOnlySpan<double> row)
    {
        int best = 0;
        for (int k = 1; k < row.Length; k++)
        {
            best = row[k] > row[best] ? k : best;
        }

        return best;
    }
}
