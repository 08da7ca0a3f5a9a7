namespace SparkCleanlab.Core;

/// <summary>
/// Sorts items by a double key with ties in ascending item order: the primitive
/// <see cref="Array.Sort{TKey, TValue}(TKey[], TValue[])"/> (fast, not stable) followed by a
/// pass that puts each run of equal keys back in item order.
/// </summary>
internal static class StableOrder
{
    public static void Sort(double[] keys, int[] items)
    {
        Array.Sort(keys, items);
        var start = 0;
        while (start < keys.Length)
        {
            var end = start + 1;
            while (end < keys.Length && keys[end] == keys[start])
            {
                end++;
            }

            if (end - start > 1)
            {
                Array.Sort(items, start, end - start);
            }

            start = end;
        }
    }
}
