using SparkCleanlab.CommandLine.Parsing;
using SparkCleanlab.Plan;

namespace SparkCleanlab.CommandLine.Tests.Parsing;

public class TrainingOptionsTests
{
    private static FindIssuesOptions Parse(params string[] args) => new FindIssuesDefinition().Parse(["in", "--output", "out", .. args]);

    private static string Usage(params string[] args) => Assert.Throws<UsageException>(() => Parse(args)).Message;

    [Fact]
    public void WithoutTrainThereAreNoTrainingSettings() => Assert.Null(Parse().Train);

    [Fact]
    public void TrainAloneTakesTheDefaults()
    {
        var train = Parse("--train").Train;

        Assert.NotNull(train);
        Assert.Equal(("lbfgs", 5, 0, false), (train.Trainer, train.Folds, train.Seed, train.WriteProbabilities));
        Assert.Null(train.Features);
        Assert.Empty(train.Categorical);
        Assert.Empty(train.Text);
    }

    [Fact]
    public void EveryTrainingOptionIsAppliedInAnyOrderAroundTrain()
    {
        var train = Parse(
            "--trainer", "sdca", "--folds", "3", "--train", "--seed", "7", "--features", "a, b", "--categorical", "c",
            "--text", "d", "--write-probabilities").Train;

        Assert.NotNull(train);
        Assert.Equal(("sdca", 3, 7, true), (train.Trainer, train.Folds, train.Seed, train.WriteProbabilities));
        Assert.Equal(["a", "b"], train.Features);
        Assert.Equal(["c"], train.Categorical);
        Assert.Equal(["d"], train.Text);
    }

    [Theory]
    [InlineData("--trainer, --folds only apply with --train", "--trainer", "sdca", "--folds", "3")]
    [InlineData("--write-probabilities only apply with --train", "--write-probabilities")]
    [InlineData("--train computes the probabilities; leave out --probs-column", "--train", "--probs-column", "pp")]
    [InlineData("--train computes the probabilities; leave out --probs-prefix", "--probs-prefix", "q_", "--train")]
    [InlineData("--train computes the probabilities; leave out --probs-columns", "--train", "--probs-columns", "a,b")]
    [InlineData("--train runs on the local engine only", "--train", "--engine", "spark")]
    [InlineData("--train reads one input (a file, folder or glob), got 2", "--train", "more")]
    [InlineData("--folds must be at least 2, got 1", "--train", "--folds", "1")]
    [InlineData("--seed must be at least 0, got -1", "--train", "--seed", "-1")]
    [InlineData("--features lists a name twice", "--train", "--features", "a,a")]
    [InlineData("--train takes no value", "--train=yes")]
    public void ContradictionsAreUsageErrors(string expected, params string[] args) =>
        Assert.StartsWith(expected, Usage(args));
}
