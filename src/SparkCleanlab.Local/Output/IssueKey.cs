namespace SparkCleanlab.Local.Output;

/// <summary>What ranks an issue: its score, then its position (the reference's tie rule); and which row of its batch it is, to spill.</summary>
/// <param name="Score">label_quality; lower is worse.</param>
/// <param name="Position">Position among the valid rows.</param>
/// <param name="BatchRow">The row's index in its partition's input batch.</param>
internal readonly record struct IssueKey(double Score, long Position, int BatchRow) : IComparable<IssueKey>
{
    /// <summary>Score ascending, then position ascending.</summary>
    public int CompareTo(IssueKey other)
    {
        var byScore = Score.CompareTo(other.Score);
        return byScore != 0 ? byScore : Position.CompareTo(other.Position);
    }
}
