using System.Buffers;

namespace SparkCleanlab.Core;

/// <summary>
/// Sorts items by a double key with ties in ascending item order, as
/// <see cref="double.CompareTo(double)"/> orders keys (NaN first, -0.0 equal to 0.0). The items
/// must arrive in ascending order: a least-significant-digit radix sort is stable, so equal
/// keys keep them that way, and it costs a few linear passes instead of n log n comparisons.
/// </summary>
internal static class StableOrder
{
    private const int DigitBits = 11;
    private const int Radix = 1 << DigitBits;
    private const int Digits = (64 + DigitBits - 1) / DigitBits;

    /// <summary>Reorders <paramref name="items"/> by their <paramref name="keys"/>; the keys stay as they are.</summary>
    public static void Sort(ReadOnlySpan<double> keys, Span<int> items)
    {
        var n = keys.Length;
        if (n < 2)
        {
            return;
        }

        var bits = ArrayPool<ulong>.Shared.Rent(n);
        var bitsSwap = ArrayPool<ulong>.Shared.Rent(n);
        var itemsFrom = ArrayPool<int>.Shared.Rent(n);
        var itemsSwap = ArrayPool<int>.Shared.Rent(n);
        var counts = ArrayPool<int>.Shared.Rent(Digits * Radix);
        try
        {
            Array.Clear(counts, 0, Digits * Radix);
            items.CopyTo(itemsFrom);
            for (var i = 0; i < n; i++)
            {
                var b = SortableBits(keys[i]);
                bits[i] = b;
                for (var d = 0; d < Digits; d++)
                {
                    counts[(d * Radix) + (int)((b >> (d * DigitBits)) & (Radix - 1))]++;
                }
            }

            var (fromBits, toBits, fromItems, toItems) = (bits, bitsSwap, itemsFrom, itemsSwap);
            for (var d = 0; d < Digits; d++)
            {
                var digitCounts = counts.AsSpan(d * Radix, Radix);

                // A digit every key shares moves nothing: skip its pass.
                if (digitCounts.Contains(n))
                {
                    continue;
                }

                ToOffsets(digitCounts);
                var shift = d * DigitBits;
                for (var i = 0; i < n; i++)
                {
                    var b = fromBits[i];
                    var to = digitCounts[(int)((b >> shift) & (Radix - 1))]++;
                    toBits[to] = b;
                    toItems[to] = fromItems[i];
                }

                (fromBits, toBits) = (toBits, fromBits);
                (fromItems, toItems) = (toItems, fromItems);
            }

            fromItems.AsSpan(0, n).CopyTo(items);
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(bits);
            ArrayPool<ulong>.Shared.Return(bitsSwap);
            ArrayPool<int>.Shared.Return(itemsFrom);
            ArrayPool<int>.Shared.Return(itemsSwap);
            ArrayPool<int>.Shared.Return(counts);
        }
    }

    // Unsigned order of the result is the order of CompareTo: negative doubles have every bit
    // flipped, the rest only the sign bit; -0.0 becomes 0.0 and every NaN the one smallest value.
    private static ulong SortableBits(double key)
    {
        if (double.IsNaN(key))
        {
            return 0;
        }

        var raw = (ulong)BitConverter.DoubleToInt64Bits(key + 0.0);
        return (raw & (1UL << 63)) != 0 ? ~raw : raw | (1UL << 63);
    }

    private static void ToOffsets(Span<int> counts)
    {
        var total = 0;
        foreach (ref var count in counts)
        {
            (count, total) = (total, total + count);
        }
    }
}
