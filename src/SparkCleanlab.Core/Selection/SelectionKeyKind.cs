namespace SparkCleanlab.Core.Selection;

/// <summary>
/// The per-row key a selection group orders by; every group selects its rows with the
/// smallest keys (ties: lower position first).
/// </summary>
internal enum SelectionKeyKind
{
    /// <summary><c>p[given] - p[other]</c> over rows labeled given: smallest first is largest margin p[other] - p[given] first (prune_by_noise_rate).</summary>
    Margin,

    /// <summary><c>p[given]</c> over rows labeled given (prune_by_class).</summary>
    ClassProbability,

    /// <summary><c>p[label]</c> over all rows (low_self_confidence).</summary>
    SelfConfidence,

    /// <summary><c>(p[label] - max other p + 1) / 2</c> over all rows (low_normalized_margin).</summary>
    NormalizedMargin,
}
