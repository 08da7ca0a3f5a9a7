namespace SparkCleanlab.Plan;

/// <summary>Which engine executes the plan.</summary>
public enum EngineKind
{
    /// <summary>The embedded engine: worker threads over the input's row groups.</summary>
    Local,

    /// <summary>Apache Spark through .NET for Apache Spark, started by <c>spark-submit</c>.</summary>
    Spark,
}
