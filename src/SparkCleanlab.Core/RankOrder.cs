namespace SparkCleanlab.Core;

/// <summary>The order of issues, worst first: lower score first, then lower position.</summary>
internal sealed class RankOrder : IComparer<(double Score, int Index)>
{
    public static readonly RankOrder Instance = new();

    public int Compare((double Score, int Index) x, (double Score, int Index) y)
    {
        var byScore = x.Score.CompareTo(y.Score);
        return byScore != 0 ? byScore : x.Index.CompareTo(y.Index);
    }
}
