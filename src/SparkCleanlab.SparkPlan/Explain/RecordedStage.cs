namespace SparkCleanlab.SparkPlan.Explain;

/// <summary>
/// The operations the plan sent up to and including one action (collect, count, write), or the
/// driver's file operations between two steps of the plan: one Spark job's worth of SQL.
/// </summary>
/// <param name="PlanStage">The plan's step (<c>open</c>, <c>validate</c>, <c>select-1</c>, ...) the action ran in.</param>
/// <param name="Action">The action that ended the stage, or <c>file system</c> when there is none.</param>
/// <param name="Operations">The operations, in the order the plan made them.</param>
internal sealed record RecordedStage(string PlanStage, string Action, IReadOnlyList<RecordedOperation> Operations)
{
    /// <summary>Every SQL text of the stage.</summary>
    public IEnumerable<string> Expressions => Operations.SelectMany(o => o.Expressions);

    /// <summary>The stage's SQL in UTF-8 bytes: the sum of its expressions.</summary>
    public long Bytes => Operations.SelectMany(o => o.ExpressionBytes).Sum(b => (long)b);

    /// <summary>The stage's largest expression in UTF-8 bytes, 0 when it has none.</summary>
    public int LargestExpression => Operations.SelectMany(o => o.ExpressionBytes).DefaultIfEmpty(0).Max();
}
