using System.Diagnostics;
using SparkCleanlab.Core.Filtering;
using SparkCleanlab.Plan;
using SparkCleanlab.SparkPlan.Tests.SparkSql;

namespace SparkCleanlab.SparkPlan.Tests.EndToEnd;

/// <summary>
/// Golden cases through spark-submit in local mode, for every method, both probability layouts,
/// string labels and quarantine, compared with the local engine in every output folder and in
/// summary.json. Runs where SPARK_HOME holds a Spark 3.5 installation; skipped, saying why, elsewhere.
/// </summary>
public sealed class SparkEndToEndTests
{
    [SparkFact]
    public async Task SparkLocalModeWritesWhatTheLocalEngineWrites()
    {
        using var temp = new TempFolder();
        var root = temp.Path;
        var methods = Enum.GetValues<FilterMethod>().Where(m => m != FilterMethod.LowSelfConfidenceBatched).Select(m => m.ReferenceName()).ToArray();
        var runs = new List<(string Case, string Layout, string[] Options)>();
        foreach (var name in GoldenCase.Names())
        {
            runs.Add((name, "array", ["--method", methods[runs.Count % methods.Length]]));
        }

        runs.Add(("synthetic_k3_n1000", "columns", ["--method", "both", "--rank-by", "normalized_margin"]));
        runs.Add(("synthetic_k3_n1000", "strings", ["--classes", "c0,c1,c2", "--annotated"]));
        runs.Add(("synthetic_k3_n1000", "invalid", ["--invalid-rows", "quarantine"]));
        foreach (var (name, layout, options) in runs)
        {
            var input = Path.Combine(root, name, layout, "input");
            await WriteAsync(GoldenCase.Load(name), layout, input);
            var spark = Path.Combine(root, name, layout, "spark");
            var local = Path.Combine(root, name, layout, "local");

            Assert.Equal(0, Submit(["--master", "local[2]", "--", "--input", input, "--output", spark, .. options]));
            Assert.Equal(0, Submit(["--local", "--", "--input", input, "--output", local, .. options]));

            Assert.True(File.Exists(Path.Combine(spark, OutputLayout.Success)), $"{name} {layout}: no _SUCCESS from Spark");
            var (expected, actual) = (await OutputSnapshot.ReadAsync(local), await OutputSnapshot.ReadAsync(spark));
            Assert.Equal(expected.Summary, actual.Summary);
            Assert.Equal(expected.Folders, actual.Folders);
        }
    }

    private static async Task WriteAsync(GoldenCase golden, string layout, string input)
    {
        switch (layout)
        {
            case "array":
                await GoldenParquet.WriteAsync(golden, input);
                break;
            default:
                await GoldenParquet.WriteLayoutAsync(golden, input, classColumns: layout == "columns", stringLabels: layout == "strings", invalidRows: layout == "invalid");
                break;
        }
    }

    private static int Submit(string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = RepositoryLayout.Root };
        start.ArgumentList.Add(RepositoryLayout.SubmitScript);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        process.WaitForExit();
        return process.ExitCode;
    }
}
