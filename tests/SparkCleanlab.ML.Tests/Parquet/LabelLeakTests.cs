using SparkCleanlab.ML.Data;
using SparkCleanlab.ML.Parquet;

namespace SparkCleanlab.ML.Tests.Parquet;

public class LabelLeakTests
{
    [Theory]
    [InlineData("true_label", true)]
    [InlineData("label_id", true)]
    [InlineData("noisy_label", true)]
    [InlineData("Y_TRUE", true)]
    [InlineData("labelled", false)]
    [InlineData("feature_0", false)]
    [InlineData("y", false)]
    public void LabelLikeNamesAreRecognised(string column, bool labelLike) =>
        Assert.Equal(labelLike, LabelLikeNames.Matches(column));

    [Fact]
    public void ANumericColumnEqualToTheClassIndexOnNinetyNinePercentIsACopy()
    {
        int[] labels = Enumerable.Range(0, 200).Select(i => i % 3).ToArray();
        float[] copy = labels.Select((l, i) => i < 2 ? 9f : l).ToArray();
        float[] almost = labels.Select((l, i) => i < 3 ? 9f : l).ToArray();
        var data = new FeatureData(new FeatureTable(FeatureColumn.Numeric("almost", almost), FeatureColumn.Numeric("copy", copy)), labels, 3, null);

        Assert.Equal(("copy", 0.99), LabelCopies.Find(data));
    }

    [Fact]
    public void ACategoryEqualToTheClassNameIsACopy()
    {
        int[] labels = [0, 1, 1, 0];
        string[] names = ["cat", "dog"];
        var data = new FeatureData(new FeatureTable(FeatureColumn.Categorical("animal", labels.Select(l => names[l]).ToArray())), labels, 2, names);

        Assert.Equal(("animal", 1.0), LabelCopies.Find(data));
    }

    [Fact]
    public void InformativeFeaturesAreNotCopies()
    {
        int[] labels = [0, 1, 1, 0];
        var data = new FeatureData(new FeatureTable(FeatureColumn.Numeric("x", [0.1f, 0.9f, 1.2f, -0.3f])), labels, 2, null);

        Assert.Null(LabelCopies.Find(data));
    }
}
