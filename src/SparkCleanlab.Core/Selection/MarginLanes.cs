using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using SparkCleanlab.Core.Rows;

namespace SparkCleanlab.Core.Selection;

/// <summary>
/// The value-phase margin windows of one given class in a round, laid out by other class j
/// (a lane) so that a row's K keys <c>p[given] - p[j]</c> are filtered and bucketed four
/// lanes per AVX instruction. This is where prune_by_noise_rate spends its selection rounds:
/// K - 1 windows per row. Every lane computes exactly what <see cref="SelectionWindow.TryGetX"/>
/// and <see cref="SelectionWindow.BucketOf"/> compute for its window, with the same IEEE
/// operations in the same order, so the two paths agree bit for bit.
/// </summary>
internal sealed class MarginLanes
{
    // Adding 2^52 to a double in [0, 2^52) puts its integer value in the low mantissa bits,
    // which converts to an integer without AVX-512.
    private const double IntegerMagic = 4503599627370496.0;

    private readonly double[] _filterLo;
    private readonly double[] _filterHi;
    private readonly double[] _lo;
    private readonly double[] _scale;
    private readonly double[] _lastBucket;
    private readonly long[] _offset;

    private MarginLanes(int classCount)
    {
        _filterLo = new double[classCount];
        _filterHi = new double[classCount];
        _lo = new double[classCount];
        _scale = new double[classCount];
        _lastBucket = new double[classCount];
        _offset = new long[classCount];
        Window = new int[classCount];
        _filterLo.AsSpan().Fill(double.PositiveInfinity);
        _filterHi.AsSpan().Fill(double.NegativeInfinity);
        Window.AsSpan().Fill(-1);
    }

    /// <summary>The round's window index of each lane, or -1.</summary>
    public int[] Window { get; }

    /// <summary>Bit j set when lane j is a collect window.</summary>
    public ulong CollectMask { get; private set; }

    /// <summary>True when the rows of a round can take this path at all.</summary>
    public static bool Supported(int classCount) =>
        Vector256.IsHardwareAccelerated && classCount >= Vector256<double>.Count && classCount <= RowMask.MaxClasses;

    /// <summary>True when <paramref name="window"/> is a window a lane can stand for.</summary>
    public static bool Handles(SelectionWindow window) =>
        window.Group.Kind == SelectionKeyKind.Margin && !window.PositionPhase && window.Mode is WindowMode.Histogram or WindowMode.Collect;

    /// <summary>Lanes for the windows of one given class; <paramref name="offsets"/> are the windows' first buckets.</summary>
    public static MarginLanes Create(int classCount, IReadOnlyList<SelectionWindow> windows, IEnumerable<int> handled, IReadOnlyList<int> offsets)
    {
        var lanes = new MarginLanes(classCount);
        foreach (var w in handled)
        {
            var window = windows[w];
            var j = window.Group.OtherClass;
            lanes.Window[j] = w;
            lanes._offset[j] = offsets[w];
            var bounded = window.Mode == WindowMode.Collect || !window.Unbounded;
            lanes._filterLo[j] = bounded ? window.Lo : double.NegativeInfinity;
            lanes._filterHi[j] = bounded ? window.Hi : double.PositiveInfinity;
            if (window.Mode == WindowMode.Collect)
            {
                lanes.CollectMask |= 1UL << j;
            }
            else
            {
                lanes._lo[j] = window.Lo;
                lanes._scale[j] = window.Scale;
                lanes._lastBucket[j] = window.BucketCount - 1;
            }
        }

        return lanes;
    }

    /// <summary>
    /// The lanes whose window takes the row, as a bit mask; for each, its key in
    /// <paramref name="keys"/> and, for histogram lanes, its bucket in the histogram's flat
    /// bucket array in <paramref name="slots"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Evaluate(ReadOnlySpan<double> row, int given, Span<double> keys, Span<long> slots)
    {
        var k = row.Length;
        ref var start = ref MemoryMarshal.GetReference(row);
        ref var key = ref MemoryMarshal.GetReference(keys);
        ref var slot = ref MemoryMarshal.GetReference(slots);
        ref var filterLo = ref MemoryMarshal.GetArrayDataReference(_filterLo);
        ref var filterHi = ref MemoryMarshal.GetArrayDataReference(_filterHi);
        ref var lo = ref MemoryMarshal.GetArrayDataReference(_lo);
        ref var scale = ref MemoryMarshal.GetArrayDataReference(_scale);
        ref var last = ref MemoryMarshal.GetArrayDataReference(_lastBucket);
        ref var offset = ref MemoryMarshal.GetArrayDataReference(_offset);
        var self = Vector256.Create(row[given]);
        var magic = Vector256.Create(IntegerMagic);
        ulong mask = 0;
        for (var j = 0; j < k; j += Vector256<double>.Count)
        {
            // The last chunk overlaps the one before it: its lanes get the same values again.
            j = Math.Min(j, k - Vector256<double>.Count);
            var at = (nuint)j;

            // The same normalised key as SelectionKeys.Of: (p[given] - p[j]) + 0.0.
            var x = (self - Vector256.LoadUnsafe(ref start, at)) + Vector256<double>.Zero;
            var taken = Vector256.GreaterThanOrEqual(x, Vector256.LoadUnsafe(ref filterLo, at))
                & Vector256.LessThanOrEqual(x, Vector256.LoadUnsafe(ref filterHi, at));
            var bucket = Vector256.Floor((x - Vector256.LoadUnsafe(ref lo, at)) * Vector256.LoadUnsafe(ref scale, at));
            bucket = Vector256.MinNative(Vector256.MaxNative(bucket, Vector256<double>.Zero), Vector256.LoadUnsafe(ref last, at));
            var index = (bucket + magic).AsInt64() - magic.AsInt64();
            x.StoreUnsafe(ref key, at);
            (index + Vector256.LoadUnsafe(ref offset, at)).StoreUnsafe(ref slot, at);
            mask |= (ulong)taken.ExtractMostSignificantBits() << j;
        }

        return mask;
    }
}
