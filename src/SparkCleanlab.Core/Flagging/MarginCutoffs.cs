using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using SparkCleanlab.Core.Rows;
using SparkCleanlab.Core.Selection;

namespace SparkCleanlab.Core.Flagging;

/// <summary>
/// The prune_by_noise_rate cutoffs of one given class k, one per other class j, laid out so a
/// row's K margin keys <c>p[k] - p[j]</c> are checked four at a time. Classes without a
/// group hold <see cref="SelectionCutoff.None"/>, which selects nothing.
/// </summary>
internal sealed class MarginCutoffs
{
    private readonly double[] _keys;
    private readonly long[] _positions;

    public MarginCutoffs(int classCount)
    {
        _keys = new double[classCount];
        _positions = new long[classCount];
        for (var j = 0; j < classCount; j++)
        {
            Set(j, SelectionCutoff.None);
        }
    }

    public void Set(int otherClass, SelectionCutoff cutoff)
    {
        _keys[otherClass] = cutoff.Key;
        _positions[otherClass] = cutoff.Position;
    }

    /// <summary>True when any group of class <paramref name="given"/> selects the row.</summary>
    public bool AnySelects(ReadOnlySpan<double> row, int given, long position)
    {
        var k = row.Length;
        var self = row[given];
        var j = 0;
        if (Vector256.IsHardwareAccelerated && k >= 4)
        {
            ref var start = ref MemoryMarshal.GetReference(row);
            ref var keys = ref MemoryMarshal.GetArrayDataReference(_keys);
            ref var positions = ref MemoryMarshal.GetArrayDataReference(_positions);
            var selfs = Vector256.Create(self);
            var here = Vector256.Create(position);
            for (; j < k; j += 4)
            {
                j = Math.Min(j, k - 4);
                // The same normalised key as SelectionKeys.Of: (p[k] - p[j]) + 0.0.
                var key = (selfs - Vector256.LoadUnsafe(ref start, (nuint)j)) + Vector256<double>.Zero;
                var cut = Vector256.LoadUnsafe(ref keys, (nuint)j);
                var onKey = Vector256.Equals(key, cut) & Vector256.LessThanOrEqual(here, Vector256.LoadUnsafe(ref positions, (nuint)j)).AsDouble();
                if ((Vector256.LessThan(key, cut) | onKey) != Vector256<double>.Zero)
                {
                    return true;
                }
            }

            return false;
        }

        for (; j < k; j++)
        {
            var key = RowMath.NormalizeZero(self - row[j]);
            if (new SelectionCutoff(_keys[j], _positions[j]).Selects(key, position))
            {
                return true;
            }
        }

        return false;
    }
}
