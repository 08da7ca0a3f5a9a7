using SparkCleanlab.Core.Selection;
using SparkCleanlab.Core.Statistics;
using SparkCleanlab.SparkPlan;

namespace SparkCleanlab.Spark.Tests.Plan;

public sealed class StagePlanTests
{
    private readonly RowExpressions _rows = new(3);

    [Fact]
    public void ClassStatisticsGroupByValidityAndLabelAndSumOnlyValidRows()
    {
        var stage = new ClassStatisticsStage(_rows);

        Assert.Equal(["__valid", "__label"], stage.GroupBy);
        Assert.Equal("count(1) AS n", stage.Aggregations[0]);
        Assert.Equal($"CAST(sum(IF(__valid, {_rows.SelfConfidenceUnits}, NULL)) AS STRING) AS units", stage.Aggregations[1]);
    }

    [Fact]
    public void ClassStatisticsReadDecimalSumsBeyondLong()
    {
        var stage = new ClassStatisticsStage(_rows);

        var state = stage.FromRows([(2, 3L, "13835058055282163712"), (0, 1L, "4611686018427387904")]);

        Assert.Equal([1L, 0L, 3L], state.Counts.ToArray());
        Assert.Equal(Int128.Parse("13835058055282163712"), state.SelfConfidenceUnits[2]);
        Assert.Equal([1.0, ClassThresholds.NeverGiven, 1.0], state.ToThresholds().ToArray());
    }

    [Fact]
    public void ConfidentJointGroupsByGivenAndGuessAfterDroppingRowsWithoutGuess()
    {
        var stage = new ConfidentJointStage(_rows, new ClassThresholds([0.5, 0.5, 0.5]));

        Assert.Equal(["__label", "__guess"], stage.GroupBy);
        Assert.Equal("__guess >= 0", stage.Filter);
        Assert.StartsWith("sum(IF(__guess <> __label AND NOT ", stage.Aggregations[1]);
    }

    [Fact]
    public void ConfidentJointRejectsCellsOutsideTheMatrix()
    {
        var stage = new ConfidentJointStage(_rows, new ClassThresholds([0.5, 0.5, 0.5]));

        Assert.Throws<InvalidOperationException>(() => stage.FromRows([(0, 3, 1L, 0L)]));
    }

    [Fact]
    public void SelectionRoundExplodesOneEntryPerWindowAndGroupsByWindowAndBucket()
    {
        var group = new SelectionGroup(0, SelectionKeyKind.Margin, 1, 2, 5, 100);
        var window = new SelectionWindow(group, false, WindowMode.Histogram, false, 0, -0.5, 0.5, 16, 0, 16);
        var stage = new SelectionRoundStage(_rows, new SelectionRound(1, 3, [window]));

        Assert.Equal(["w", "b"], stage.GroupBy);
        Assert.Equal(
            "filter(array(IF((__label = 1) AND (((__p1 - __p2) + 0D) >= (-0.5D) AND ((__p1 - __p2) + 0D) <= 0.5D), "
            + "named_struct('w', 0, 'b', CAST((CASE WHEN FLOOR((((__p1 - __p2) + 0D) - (-0.5D)) * 16D) <= 0 THEN 0 "
            + "WHEN FLOOR((((__p1 - __p2) + 0D) - (-0.5D)) * 16D) >= 15 THEN 15 ELSE FLOOR((((__p1 - __p2) + 0D) - (-0.5D)) * 16D) END) AS INT), "
            + "'x', ((__p1 - __p2) + 0D), 'key', ((__p1 - __p2) + 0D)), NULL)), e -> e IS NOT NULL)",
            stage.Entries);
    }

    [Fact]
    public void PositionPhaseWindowsBucketPositionsAmongTiedKeys()
    {
        var group = new SelectionGroup(0, SelectionKeyKind.SelfConfidence, -1, -1, 5, 100);
        var window = new SelectionWindow(group, true, WindowMode.Collect, false, 0.25, 0, 99, 0, 0, 0);
        var stage = new SelectionRoundStage(_rows, new SelectionRound(2, 3, [window]));

        Assert.Contains($"({_rows.SelfConfidence} + 0D) = 0.25D", stage.Entries);
        Assert.Contains("CAST(__pos AS DOUBLE) >= 0D AND CAST(__pos AS DOUBLE) <= 99D", stage.Entries);
        Assert.Contains("'b', -1", stage.Entries);
    }

    [Fact]
    public void SelectionResultsBecomeBucketsAndCandidates()
    {
        var group = new SelectionGroup(0, SelectionKeyKind.SelfConfidence, -1, -1, 1, 10);
        var collect = new SelectionWindow(group, false, WindowMode.Collect, false, 0, 0.1, 0.2, 0, 0, 0);
        var stage = new SelectionRoundStage(_rows, new SelectionRound(1, 3, [collect]));

        var state = stage.FromRows([new SelectionAggregate(0, -1, 2, 0.1, 0.2, [(0.2, 7L), (0.1, 9L)])]);

        Assert.Equal([new SelectionCandidate(0.2, 7), new SelectionCandidate(0.1, 9)], state.Candidates(0));
    }

    [Fact]
    public void ValidationChecksTheLabelThenEachClassInTheCoresOrder()
    {
        var expression = ValidationExpression.Of(2, 1e-4);

        Assert.StartsWith("(CASE WHEN __label IS NULL OR __label < 0 OR __label >= 2 THEN 1 WHEN __p0 IS NULL OR isnan(__p0) THEN 2", expression);
        Assert.Contains("WHEN __p0 > 1.0001D THEN 5 WHEN __p1 IS NULL", expression);
        Assert.EndsWith("WHEN abs(((0D + __p0) + __p1) - 1D) <= 0.0001D THEN 0 ELSE 6 END)", expression);
    }

    [Fact]
    public void PositionPacksTheFileOrdinalAboveTheRowIndex()
    {
        Assert.Equal("((CAST(__file AS BIGINT) * 4294967296L) + __row)", InputProjection.Position);
    }

    [Fact]
    public void StringLabelsMapToTheirClassIndex()
    {
        Assert.Equal("(CASE `the label` WHEN 'cat' THEN 0 WHEN 'dog' THEN 1 ELSE NULL END)", InputProjection.StringLabel("the label", ["cat", "dog"]));
    }
}
