using System.Diagnostics;
using SparkCleanlab.Core.Rows;
using SparkCleanlab.SparkPlan;
using SparkCleanlab.SparkPlan.Frames;
using Xunit.Abstractions;

namespace SparkCleanlab.SparkSql.Tests;

/// <summary>The expressions the plan emits today, evaluated locally and compared with the Core's loops.</summary>
[Trait("Category", "SparkSql")]
public sealed class PlanExpressionTests(ITestOutputHelper output)
{
    private static (IFrame Frame, double[][] Rows, int[] Labels) Input(int k, int n, int seed)
    {
        var random = new Random(seed);
        var rows = new double[n][];
        var labels = new int[n];
        var data = new List<object?[]>();
        for (var i = 0; i < n; i++)
        {
            // Quantised probabilities make ties between classes common.
            var raw = Enumerable.Range(0, k).Select(_ => (double)random.Next(0, 5)).ToArray();
            raw[0] += raw.Sum() == 0 ? 1 : 0;
            var sum = raw.Sum();
            rows[i] = raw.Select(x => x / sum).ToArray();
            labels[i] = random.Next(k);
            data.Add([labels[i], (long)i, 0, .. rows[i].Cast<object?>()]);
        }

        var schema = new List<FrameField> { new(PlanColumns.Label, "int"), new(PlanColumns.Position, "bigint"), new(PlanColumns.Invalid, "int") };
        schema.AddRange(Enumerable.Range(0, k).Select(j => new FrameField(PlanColumns.P(j), "double")));
        return (Sql.Session(seed, 4).CreateFrame(schema, data), rows, labels);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(12)]
    public void Row_expressions_match_the_core(int k)
    {
        var (frame, rows, labels) = Input(k, 300, k);
        var expressions = new RowExpressions(k);
        var result = frame.SelectExpr(
                $"{PlanColumns.Position}",
                $"{expressions.ArgMax} AS argmax",
                $"{expressions.GivenWinsWithSlack} AS wins",
                $"{expressions.MaxOther} AS other",
                $"{ValidationExpression.Of(k, 1e-6)} AS invalid")
            .Collect();
        Assert.Equal(rows.Length, result.Count);
        foreach (var row in result)
        {
            var i = (int)row.Int64(0);
            Assert.Equal(RowMath.ArgMax(rows[i]), row.Int32(1));
            Assert.Equal(RowMath.GivenWinsWithSlack(rows[i], labels[i]), row.Boolean(2));
            Assert.Equal(RowMath.MaxOther(rows[i], labels[i]), row.Double(3));
            Assert.Equal(0, row.Int32(4));
        }
    }

    [Fact]
    public void A_golden_sized_plan_runs_in_well_under_a_second()
    {
        const int k = 40;
        var (frame, _, _) = Input(k, 3000, 1);
        var expressions = new RowExpressions(k);
        var watch = Stopwatch.StartNew();
        var valid = frame.SelectExpr("*", $"{PlanColumns.Invalid} = 0 AS __valid").Persist();
        var stage1 = valid.GroupByAgg(["__valid", PlanColumns.Label], ["count(1) AS n", $"CAST(sum(IF(__valid, {expressions.SelfConfidenceUnits}, NULL)) AS STRING) AS units"]).Collect();
        var stage2 = valid.SelectExpr("*", $"{expressions.ArgMax} AS __guess").Filter("__guess >= 0")
            .GroupByAgg([PlanColumns.Label, "__guess"], ["count(1) AS n", $"sum(IF(__guess <> {PlanColumns.Label} AND NOT {expressions.GivenWinsWithSlack}, 1L, 0L)) AS issues"]).Collect();
        var stage3 = valid.SelectExpr($"explode(filter(array(named_struct('w', 0, 'x', {expressions.MaxOther}), IF({PlanColumns.Label} = 0, named_struct('w', 1, 'x', 0.0D), NULL)), e -> e IS NOT NULL)) AS __entry", PlanColumns.Position)
            .SelectExpr("__entry.w AS w", "__entry.x AS x", PlanColumns.Position)
            .GroupByAgg(["w"], ["count(1) AS n", "min(x) AS lo", "max(x) AS hi"]).Collect();
        var flagged = valid.SelectExpr("*", $"{expressions.NormalizedMargin} AS label_quality").Filter("label_quality < 0.5D")
            .OrderBy("label_quality", PlanColumns.Position)
            .SelectExpr("*", "spark_partition_id() AS __part")
            .SelectExpr("*", $"row_number() OVER (PARTITION BY __part ORDER BY label_quality, {PlanColumns.Position}) AS __rn").Persist();
        var counts = flagged.GroupByAgg(["__part"], ["count(1) AS n"]).Collect();
        watch.Stop();
        output.WriteLine($"K = {k}, 3000 rows: {watch.ElapsedMilliseconds} ms");
        Assert.NotEmpty(stage1);
        Assert.NotEmpty(stage2);
        Assert.NotEmpty(stage3);
        Assert.Equal(flagged.Count(), counts.Sum(r => r.Int64(1)));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void Array_expressions_at_a_thousand_classes_run_in_seconds()
    {
        const int k = 1000;
        var random = new Random(7);
        var rows = Enumerable.Range(0, 300).Select(i => new object?[] { i % k, Enumerable.Range(0, k).Select(_ => (object?)random.NextDouble()).ToArray() }).ToList();
        var frame = Sql.Session().CreateFrame([new FrameField("label", "int"), new FrameField("p", "array<double>")], rows);
        var watch = Stopwatch.StartNew();
        var result = frame.SelectExpr(
                "array_position(p, array_max(p)) - 1 AS argmax",
                "aggregate(p, 0.0D, (acc, x) -> acc + x) AS total",
                "element_at(p, label + 1) - array_max(filter(p, (x, i) -> i <> label)) AS margin",
                "size(filter(transform(p, (x, i) -> IF(x >= 0.5D, i, -1)), i -> i >= 0)) AS confident",
                "aggregate(zip_with(p, sequence(0, size(p) - 1), (x, i) -> x * i), 0.0D, (acc, x) -> acc + x) AS weighted")
            .GroupByAgg(["confident"], ["count(1) AS n", "max(total) AS top", "min(margin) AS low"])
            .Collect();
        watch.Stop();
        output.WriteLine($"K = {k}, 300 rows: {watch.ElapsedMilliseconds} ms");
        Assert.Equal(300, result.Sum(r => r.Int64(1)));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.ElapsedMilliseconds} ms");
    }
}
