using SparkCleanlab.Parquet.Reading;
using SparkCleanlab.Parquet.Schema;
using SparkCleanlab.Parquet.Tests.Support;
using SparkCleanlab.Plan;
using SparkCleanlab.Synthetic;

namespace SparkCleanlab.Parquet.Tests.Reading;

/// <summary>Every input error caused by an option names the option's flag and the value it got.</summary>
public class OptionNamingErrorTests
{
    public static TheoryData<string, string[]> Cases() => new()
    {
        { "num-classes", ["--num-classes", "K = 4"] },
        { "classes-count", ["--classes", "a,b,c,d", "4 names"] },
        { "classes-twice", ["--classes", "a,a,b"] },
        { "label-column", ["--label-column", "'y'"] },
        { "probs-prefix", ["--probs-prefix", "'q_'"] },
        { "probs-column", ["--probs-column", "'scores'"] },
        { "id-column", ["--id-column", "'key'"] },
        { "string-labels", ["--classes"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task InputErrorsNameTheFlagAndItsValue(string mistake, string[] expected)
    {
        using var temp = new TempFolder();
        SyntheticDataset data = mistake == "string-labels" ? Data.Make(2, 3) with { Labels = null, LabelNames = ["a", "b"] } : Data.Make(4, 3);
        await SyntheticDatasetWriter.WriteAsync(temp.Path, data, new SyntheticLayout());
        InputSchemaOptions options = mistake switch
        {
            "num-classes" => new() { ClassCount = 4 },
            "classes-count" => new() { ClassNames = ["a", "b", "c", "d"] },
            "classes-twice" => new() { ClassNames = ["a", "a", "b"] },
            "label-column" => new() { LabelColumn = "y" },
            "probs-prefix" => new() { ProbabilityPrefix = "q_" },
            "probs-column" => new() { ProbabilityColumn = "scores" },
            "id-column" => new() { IdColumn = "key" },
            _ => new(),
        };

        var error = await Assert.ThrowsAsync<InputDataException>(() => InputDataset.OpenAsync(temp.Path, options));

        foreach (string text in expected) Assert.Contains(text, error.Message + " " + error.Remedy);
        Assert.DoesNotContain(" option", error.Message + " " + error.Remedy);
    }
}
