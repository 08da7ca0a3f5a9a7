using System.Numerics;

namespace SparkCleanlab.Core;

/// <summary>
/// The order numpy 1.24's default <c>np.argsort</c> gives (kind "quicksort": an introsort of
/// median-of-three quicksort, insertion sort on runs of up to 16, heapsort past the depth limit),
/// and pandas' <c>sort_values</c> built on it. It is not stable: from 17 items on, equal keys
/// come out in an order set by the partitioning. The reference breaks ties that way in the small
/// driver-side sorts (which entries of a calibrated row round up, the order of the class and
/// class-pair tables), so those follow it exactly; row-level rankings keep
/// <see cref="StableOrder"/>, which every engine and partitioning can reproduce.
/// </summary>
internal static class NumpyArgsort
{
    private const int SmallRun = 15;

    /// <summary>The indices that sort <paramref name="keys"/> ascending, as <c>np.argsort(keys)</c>.</summary>
    public static int[] Ascending(ReadOnlySpan<double> keys)
    {
        var order = new int[keys.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Sort(keys, order);
        return order;
    }

    /// <summary>
    /// The indices that sort <paramref name="keys"/> descending, as pandas'
    /// <c>sort_values(ascending=False)</c>: argsort of the reversed keys, mapped back and reversed.
    /// For keys without NaN (pandas moves NaN keys to the end first; the tables sorted here have none).
    /// </summary>
    public static int[] DescendingAsPandas(ReadOnlySpan<double> keys)
    {
        var n = keys.Length;
        var reversed = new double[n];
        for (var i = 0; i < n; i++)
        {
            reversed[i] = keys[n - 1 - i];
        }

        var order = Ascending(reversed);
        var result = new int[n];
        for (var i = 0; i < n; i++)
        {
            result[i] = n - 1 - order[n - 1 - i];
        }

        return result;
    }

    private static bool Less(double a, double b) => a < b || (double.IsNaN(b) && !double.IsNaN(a));

    private static void Sort(ReadOnlySpan<double> v, int[] t)
    {
        var num = t.Length;
        if (num < 2)
        {
            return;
        }

        int pl = 0, pr = num - 1;
        var stack = new Stack<(int Left, int Right, int Depth)>();
        var depth = BitOperations.Log2((uint)num) * 2;
        while (true)
        {
            if (depth < 0)
            {
                HeapSort(v, t, pl, pr - pl + 1);
            }
            else
            {
                while (pr - pl > SmallRun)
                {
                    var pm = pl + ((pr - pl) >> 1);
                    if (Less(v[t[pm]], v[t[pl]]))
                    {
                        (t[pm], t[pl]) = (t[pl], t[pm]);
                    }

                    if (Less(v[t[pr]], v[t[pm]]))
                    {
                        (t[pr], t[pm]) = (t[pm], t[pr]);
                    }

                    if (Less(v[t[pm]], v[t[pl]]))
                    {
                        (t[pm], t[pl]) = (t[pl], t[pm]);
                    }

                    var pivot = v[t[pm]];
                    var pi = pl;
                    var pj = pr - 1;
                    (t[pm], t[pj]) = (t[pj], t[pm]);
                    while (true)
                    {
                        do
                        {
                            pi++;
                        }
                        while (Less(v[t[pi]], pivot));

                        do
                        {
                            pj--;
                        }
                        while (Less(pivot, v[t[pj]]));

                        if (pi >= pj)
                        {
                            break;
                        }

                        (t[pi], t[pj]) = (t[pj], t[pi]);
                    }

                    (t[pi], t[pr - 1]) = (t[pr - 1], t[pi]);

                    // The larger part waits on the stack; the smaller is partitioned next.
                    depth--;
                    if (pi - pl < pr - pi)
                    {
                        stack.Push((pi + 1, pr, depth));
                        pr = pi - 1;
                    }
                    else
                    {
                        stack.Push((pl, pi - 1, depth));
                        pl = pi + 1;
                    }
                }

                InsertionSort(v, t, pl, pr);
            }

            if (!stack.TryPop(out var next))
            {
                return;
            }

            (pl, pr, depth) = next;
        }
    }

    private static void InsertionSort(ReadOnlySpan<double> v, int[] t, int pl, int pr)
    {
        for (var pi = pl + 1; pi <= pr; pi++)
        {
            var item = t[pi];
            var key = v[item];
            var pj = pi;
            while (pj > pl && Less(key, v[t[pj - 1]]))
            {
                t[pj] = t[pj - 1];
                pj--;
            }

            t[pj] = item;
        }
    }

    // numpy's aheapsort on t[start .. start + n - 1]; it counts heap positions from 1, so
    // position k is s[k - 1].
    private static void HeapSort(ReadOnlySpan<double> v, int[] t, int start, int n)
    {
        var s = t.AsSpan(start, n);
        for (var l = n >> 1; l > 0; l--)
        {
            SiftDown(v, s, l, n, s[l - 1]);
        }

        while (n > 1)
        {
            var item = s[n - 1];
            s[n - 1] = s[0];
            n--;
            SiftDown(v, s, 1, n, item);
        }
    }

    private static void SiftDown(ReadOnlySpan<double> v, Span<int> s, int i, int n, int item)
    {
        for (var j = i << 1; j <= n;)
        {
            if (j < n && Less(v[s[j - 1]], v[s[j]]))
            {
                j++;
            }

            if (!Less(v[item], v[s[j - 1]]))
            {
                break;
            }

            s[i - 1] = s[j - 1];
            i = j;
            j += j;
        }

        s[i - 1] = item;
    }
}
