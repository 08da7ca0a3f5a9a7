namespace SparkCleanlab.Core.Scoring;

/// <summary>The label quality score used to rank rows (the reference's rank_by / method).</summary>
public enum RankingMethod
{
    /// <summary>p[given] (default).</summary>
    SelfConfidence,

    /// <summary>(p[given] - max other p + 1) / 2.</summary>
    NormalizedMargin,

    /// <summary>log(e + 1) / max(e, 1e-6) with e = normalized entropy / max(p[given], 1e-6).</summary>
    ConfidenceWeightedEntropy,
}
