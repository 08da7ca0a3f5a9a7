namespace SparkCleanlab.SparkPlan;

/// <summary>One result row of a selection round's <c>groupBy(w, b)</c>, as Spark returns it.</summary>
/// <param name="Window">The window index <c>w</c>.</param>
/// <param name="Bucket">The bucket <c>b</c>, or -1 for a collect window.</param>
/// <param name="Count">Rows in the bucket.</param>
/// <param name="Min">Smallest x in the bucket.</param>
/// <param name="Max">Largest x in the bucket.</param>
/// <param name="Candidates">The (key, position) pairs of a collect window; empty for a bucket.</param>
public sealed record SelectionAggregate(
    int Window,
    int Bucket,
    long Count,
    double Min,
    double Max,
    IReadOnlyList<(double Key, long Position)> Candidates);
