using System.Text;

namespace SparkCleanlab.SparkPlan.Explain;

/// <summary>One call the plan made on a frame or on the session, with the SQL texts it passed.</summary>
/// <param name="Name">The Spark call: <c>selectExpr</c>, <c>filter</c>, <c>groupBy.agg</c>, <c>collect</c>, <c>fs.rename</c>, ...</param>
/// <param name="Detail">What is not SQL: paths, join columns, a driver-made table's schema and row count; empty when none.</param>
/// <param name="Expressions">The SQL texts, in the order passed.</param>
/// <param name="OnFileSystem">True for Hadoop FileSystem calls made by the driver, false for DataFrame operations.</param>
internal sealed record RecordedOperation(string Name, string Detail, IReadOnlyList<string> Expressions, bool OnFileSystem = false)
{
    /// <summary>The SQL texts' sizes in UTF-8 bytes, as the JVM receives them.</summary>
    public IEnumerable<int> ExpressionBytes => Expressions.Select(Encoding.UTF8.GetByteCount);
}
