using System.Globalization;
using System.Text;

namespace SparkCleanlab.SparkPlan.Explain;

/// <summary>What <see cref="SparkExplain"/> recorded, and its text for the terminal.</summary>
/// <param name="Stages">The stages in the order a run sends them.</param>
/// <param name="SchemaSource">Where the input's schema came from.</param>
/// <param name="ClassCount">K.</param>
internal sealed record ExplainedPlan(IReadOnlyList<RecordedStage> Stages, string SchemaSource, int ClassCount)
{
    /// <summary>The largest SQL text in UTF-8 bytes.</summary>
    public int LargestExpression => (int)Largest(s => s.LargestExpression).Bytes;

    /// <summary>The largest stage's SQL in UTF-8 bytes.</summary>
    public long LargestStage => Largest(s => s.Bytes).Bytes;

    /// <summary>The explain as printed: a header with the assumptions, each stage's operations and expressions with their sizes, and the largest expression and stage.</summary>
    public string Render()
    {
        var text = new StringBuilder();
        var invariant = CultureInfo.InvariantCulture;
        text.AppendLine("== sparkcleanlab explain: the Spark engine's plan, as a run sends it; Spark was not started ==");
        text.AppendLine(invariant, $"schema: from {SchemaSource}; K = {ClassCount}");
        text.AppendLine($"stage results are placeholders of worst-case literal length: every class threshold is {SqlLiteral.Double(PlaceholderResults.Threshold)} "
            + $"(its cut {SqlLiteral.Double(PlaceholderResults.Threshold - Core.Rows.RowMath.FloatingPointComparison)}), every class is confused with the next one, "
            + "each histogram bucket holds one row, so every selection group resolves in round 1 (a run repeats that SQL each round, with a new window table), "
            + $"and issues/ sorts into {SqlLiteral.Int(PlaceholderResults.SortedPartitions)} partitions (spark.sql.shuffle.partitions' default) with 19-digit rank offsets");
        text.AppendLine("file operations: the output is taken as absent; they act on an in-memory file system");
        text.AppendLine("sizes: UTF-8 bytes of SQL text; a stage is the operations up to an action (collect, count, write)");
        for (var i = 0; i < Stages.Count; i++)
        {
            var stage = Stages[i];
            text.AppendLine();
            text.AppendLine(invariant, $"-- stage {i + 1}: {stage.PlanStage}, {stage.Action} ({stage.Bytes:N0} bytes of SQL, largest expression {stage.LargestExpression:N0} bytes)");
            foreach (var operation in stage.Operations)
            {
                text.Append("  ").Append(operation.Name);
                if (operation.Detail.Length > 0)
                {
                    text.Append(' ').Append(operation.Detail);
                }

                text.AppendLine();
                foreach (var (expression, bytes) in operation.Expressions.Zip(operation.ExpressionBytes))
                {
                    text.AppendLine(invariant, $"    [{bytes:N0} B] {expression}");
                }
            }
        }

        var (largestExpression, expressionStage) = Largest(s => s.LargestExpression);
        var (largestStage, stageNumber) = Largest(s => s.Bytes);
        text.AppendLine();
        text.AppendLine(invariant, $"largest expression: {largestExpression:N0} bytes (stage {expressionStage})");
        text.AppendLine(invariant, $"largest stage: {largestStage:N0} bytes (stage {stageNumber})");
        return text.ToString();
    }

    // The largest size of a stage and that stage's number from 1 (the first on a tie), or (0, 0) when every size is 0.
    private (long Bytes, int Stage) Largest(Func<RecordedStage, long> size)
    {
        var (largest, stage) = (0L, 0);
        for (var i = 0; i < Stages.Count; i++)
        {
            var bytes = size(Stages[i]);
            if (bytes > largest)
            {
                (largest, stage) = (bytes, i + 1);
            }
        }

        return (largest, stage);
    }
}
