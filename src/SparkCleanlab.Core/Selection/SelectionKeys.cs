using System.Runtime.CompilerServices;
using SparkCleanlab.Core.Rows;
using SparkCleanlab.Core.Scoring;

namespace SparkCleanlab.Core.Selection;

/// <summary>
/// The key of a row in a group. Signed zeros are normalised (<see cref="RowMath.NormalizeZero"/>)
/// so that keys compare and bucket identically on every engine.
/// </summary>
internal static class SelectionKeys
{
    /// <summary>The key of <paramref name="row"/> (labeled <paramref name="label"/>) in a group of this kind.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Of(SelectionKeyKind kind, int otherClass, ReadOnlySpan<double> row, int label) =>
        RowMath.NormalizeZero(kind switch
        {
            SelectionKeyKind.Margin => row[label] - row[otherClass],
            SelectionKeyKind.NormalizedMargin => LabelQualityScorer.NormalizedMargin(row, label),
            _ => row[label],
        });
}
