using SparkCleanlab.Cli.Console;
using SparkCleanlab.ML.OutOfFold;
using SparkCleanlab.Plan;

namespace SparkCleanlab.Cli.Tests.Console;

public class StageLinesTests
{
    [Fact]
    public void EachStageGetsOneLineWithItsLastCountThenTheTotal()
    {
        using var error = new StringWriter();
        var lines = new StageLines(error);

        lines.Report(new StageProgress("validate", 10, 30));
        lines.Report(new StageProgress("validate", 30, 30));
        lines.Report(new StageProgress("confident-joint", 30, 30));
        lines.Report(new TrainingProgress("fold", 3, 3));
        lines.Report(new StageProgress("publish", 0, 0));
        lines.Finish();

        var written = error.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal(5, written.Length);
        Assert.StartsWith("validate: 30 rows in ", written[0]);
        Assert.StartsWith("confident-joint: 30 rows in ", written[1]);
        Assert.StartsWith("training fold: 3 / 3 models in ", written[2]);
        Assert.Matches(@"^publish: \d\d:\d\d:\d\d\.\d$", written[3]);
        Assert.StartsWith("done in ", written[4]);
    }
}
