using System.Text.Json;
using SparkCleanlab.Tests.Shared;

namespace SparkCleanlab.Core.Tests;

/// <summary>
/// The order of numpy's default argsort and pandas' sort_values, recorded from numpy 1.24 and
/// pandas 1.5 by bench/reference/argsort_cases.py on keys with many ties (46 arrays of 1 to 333, and 6 that drive numpy into its heapsort).
/// </summary>
public class NumpyArgsortTests
{
    public static TheoryData<int> Cases() => new(Enumerable.Range(0, Load().Count));

    [Theory]
    [MemberData(nameof(Cases))]
    public void TiesComeOutInNumpysOrder(int index)
    {
        var c = Load()[index];
        double[] keys = c.GetProperty("keys").EnumerateArray().Select(k => k.GetDouble()).ToArray();

        Assert.Equal(Ints(c.GetProperty("ascending")), NumpyArgsort.Ascending(keys));
        Assert.Equal(Ints(c.GetProperty("pandas_descending")), NumpyArgsort.DescendingAsPandas(keys));
    }

    private static int[] Ints(JsonElement e) => e.EnumerateArray().Select(x => x.GetInt32()).ToArray();

    private static List<JsonElement> Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "data", "reference", "numpy_argsort.json")));
        return document.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.Clone()).ToList();
    }
}
