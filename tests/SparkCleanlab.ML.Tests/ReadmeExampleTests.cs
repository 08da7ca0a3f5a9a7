using SparkCleanlab.ML.Tests.Support;

namespace SparkCleanlab.ML.Tests;

[Collection(nameof(ConsoleOutput))]
public class ReadmeExampleTests
{
    [Fact]
    public void RunsAndPrintsAHighAccuracyAgainstTheTrueLabels()
    {
        string output = ConsoleOutput.Capture(ReadmeExample.Run);

        Assert.Matches(@"label issues found: \d+", output);
        double accuracy = double.Parse(output.Split("accuracy against the true labels: ")[1].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(accuracy >= 0.9, output);
    }

    [Fact]
    public void TheConfidentLearningExampleFlagsTheMislabelledRow()
    {
        string output = ConsoleOutput.Capture(ConfidentLearningReadmeExample.Run);

        Assert.Equal("row 2: given 0, suggested 2, label quality 0.05", output.Trim());
    }

    [Theory]
    [InlineData("ReadmeExample.cs")]
    [InlineData("ConfidentLearningReadmeExample.cs")]
    public void TheRepositoryReadmeShowsExactlyTheCodeThatRuns(string example)
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        string[] source = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "tests", "SparkCleanlab.ML.Tests", example));

        Assert.Contains("```csharp\n" + string.Join('\n', Snippet(source)) + "\n```", readme);
    }

    [Fact]
    public void TheReadmeShowsExactlyTheCodeThatRuns()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "SparkCleanlab.ML", "README.md"));
        string[] source = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "tests", "SparkCleanlab.ML.Tests", "ReadmeExample.cs"));

        string fenced = readme.Split("```csharp\n")[1].Split("```")[0];

        Assert.Equal(Snippet(source), fenced.TrimEnd().Split('\n'));
    }

    private static string[] Snippet(string[] source)
    {
        var lines = new List<string>();
        bool inside = false;
        int indent = 0;
        foreach (string line in source)
        {
            string marker = line.Trim();
            if (marker is "// README:begin" or "// README:resume")
            {
                inside = true;
                indent = line.Length - line.TrimStart().Length;
                if (marker == "// README:resume")
                {
                    lines.Add(string.Empty);
                }

                continue;
            }

            if (marker is "// README:pause" or "// README:end")
            {
                inside = false;
                continue;
            }

            if (inside)
            {
                lines.Add(line.Length >= indent ? line[indent..] : line.TrimStart());
            }
        }

        return lines.ToArray();
    }
}
