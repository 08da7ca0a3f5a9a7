using SparkCleanlab.ML.CleanLearning;
using SparkCleanlab.ML.Data;
using SparkCleanlab.ML.Tests.Support;
using SparkCleanlab.ML.Trainers;

namespace SparkCleanlab.ML.Tests.Trainers;

/// <summary>
/// The L2 of <see cref="MulticlassTrainer.LbfgsMaximumEntropy"/> regularises like sklearn's
/// LogisticRegression with C = 1 / L2 (the reference's trainer), whatever the number of classes.
/// </summary>
public class LogisticRegressionPenaltyTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void ProbabilitiesMatchSklearnsObjective(int classCount)
    {
        // Few rows and a strong penalty, so the penalty shapes the probabilities.
        (float[][] x, int[] labels) = SyntheticData.Blobs(30, classCount, 2, seed: 21);
        const float l2 = 5f;
        var table = new FeatureTable(FeatureColumn.Vector("x", x));
        var learner = new CleanLearner(MulticlassTrainer.LbfgsMaximumEntropy(l2, standardizeFeatures: false));

        double[] actual = learner.FitWithoutCleaning(table, labels, classCount).PredictProbabilities(table);
        double[] expected = PenalisedLogisticRegression.FitAndPredict(x, labels, classCount, inverseC: l2);

        Assert.Equal(expected.Length, actual.Length);
        Assert.All(expected.Zip(actual), pair => Assert.Equal(pair.First, pair.Second, 2e-3));
    }
}
