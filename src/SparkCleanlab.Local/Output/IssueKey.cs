namespace SparkCleanlab.Local.Output;

/// <summary>What ranks an issue: its score, then its position (the reference's tie rule), and where its row was spilled.</summary>
/// <param name="Score">label_quality; lower is worse.</param>
/// <param name="Position">Position among the valid rows.</param>
/// <param name="Partition">The partition whose spill file holds the row.</param>
/// <param name="SpillRow">The row's index in that spill file.</param>
public readonly record struct IssueKey(double Score, long Position, int Partition, int SpillRow) : IComparable<IssueKey>
{
    /// <summary>Score ascending, then position ascending.</summary>
    public int CompareTo(IssueKey other)
    {
        var byScore = Score.CompareTo(other.Score);
        return byScore != 0 ? byScore : Position.CompareTo(other.Position);
    }
}
