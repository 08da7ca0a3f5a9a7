using System.Globalization;
using System.Text.Json.Nodes;
using SparkCleanlab.SparkSql;

namespace SparkCleanlab.SparkPlan.Tests.SparkSql;

/// <summary>
/// What an engine wrote, in a form both engines can be compared on: every output folder's
/// columns and rows (issues/ in file then row order, the others sorted, since only issues/
/// promises an order) and the run's numbers from summary.json without engine facts.
/// </summary>
public sealed record OutputSnapshot(IReadOnlyDictionary<string, IReadOnlyList<string>> Folders, string Summary)
{
    private static readonly string[] EngineFacts = ["engine", "timings_seconds", "partitions", "peak_live_batches", "input", "selection_rounds"];

    /// <summary>Reads <paramref name="output"/>.</summary>
    public static async Task<OutputSnapshot> ReadAsync(string output)
    {
        var folders = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var folder in Directory.GetDirectories(output).Order(StringComparer.Ordinal))
        {
            var (header, rows) = ReadFolder(folder);
            var name = Path.GetFileName(folder);
            folders[name] = [header, .. name == "issues" ? rows : rows.Order(StringComparer.Ordinal).ToList()];
        }

        var summary = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(output, "summary.json")))!.AsObject();
        foreach (var fact in EngineFacts)
        {
            summary.Remove(fact);
        }

        summary["parameters"]!.AsObject().Remove("threads");
        return new OutputSnapshot(folders, summary.ToJsonString());
    }

    /// <summary>Asserts that <paramref name="spark"/> holds the summary, folders and rows of <paramref name="local"/>, naming the first row that differs.</summary>
    public static void AssertSame(OutputSnapshot local, OutputSnapshot spark)
    {
        Assert.Equal(local.Summary, spark.Summary);
        Assert.Equal(local.Folders.Keys, spark.Folders.Keys);
        foreach (var folder in local.Folders.Keys)
        {
            Assert.Equal(local.Folders[folder].Count, spark.Folders[folder].Count);
            for (var i = 0; i < local.Folders[folder].Count; i++)
            {
                Assert.Equal($"{folder}[{i}]: {local.Folders[folder][i]}", $"{folder}[{i}]: {spark.Folders[folder][i]}");
            }
        }
    }

    // Read the way Spark reads a folder: part files in name order, rows in file order.
    private static (string Columns, List<string> Rows) ReadFolder(string folder)
    {
        var frame = new LocalSparkSession(new SparkSettings()).ReadParquet([folder]);
        var columns = string.Join(" | ", frame.Schema.Select(f => $"{f.Name}: {f.Type}"));
        return (columns, frame.Collect().Select(r => string.Join(" | ", r.Values.Select(Text))).ToList());
    }

    private static string Text(object? value) => value switch
    {
        null => "null",
        object?[] a => $"[{string.Join(", ", a.Select(Text))}]",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
