using SparkCleanlab.SparkPlan.Explain;

namespace SparkCleanlab.SparkPlan.Tests.SparkSql;

/// <summary>How large the emitted SQL may get at K = 1000: no expression over 64 KB, no stage over 256 KB.</summary>
internal static class SqlSizeLimits
{
    private const int ExpressionLimit = 64 * 1024;
    private const int StageLimit = 256 * 1024;

    /// <summary>Asserts that no expression and no stage of <paramref name="plan"/> is over its limit.</summary>
    public static void AssertWithin(ExplainedPlan plan)
    {
        Assert.True(plan.LargestExpression <= ExpressionLimit, $"an expression of {plan.LargestExpression:N0} bytes");
        Assert.True(plan.LargestStage <= StageLimit, $"a stage of {plan.LargestStage:N0} bytes");
    }
}
