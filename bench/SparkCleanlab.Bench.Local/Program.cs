using System.Diagnostics;
using SparkCleanlab.Bench.Local;
using SparkCleanlab.Cli;
using SparkCleanlab.Parquet.Reading;
using SparkCleanlab.Parquet.Writing;

// Usage: dotnet run -c Release --project bench/SparkCleanlab.Bench.Local -- ROWS [CLASSES] [ROW_GROUPS_PER_FILE] [FILES]
// Generates ROWS x CLASSES into a temp folder, times a plain Parquet.Net read + write of it (the floor),
// then find-issues end to end, and prints time per row and peak working set.
//    or: dotnet run -c Release --project bench/SparkCleanlab.Bench.Local -- npy FOLDER [ROWS] [CLASSES]
// Writes labels.npy + pred_probs.npy (as numpy.save does) into FOLDER, kept for the reference
// tool, and times find-issues on them.
//    or: dotnet run -c Release --project bench/SparkCleanlab.Bench.Local -- parity NPY_FOLDER OUTPUT [REFERENCE_RANKED.npy]
// Checks find-issues' OUTPUT on the .npy pair in NPY_FOLDER against the in-memory Core (and the reference's ranked indices): same issues, same ranks.
if (args.Length > 0 && args[0] == "parity")
{
    Environment.ExitCode = await NpyParity.RunAsync(args[1], args[2], args.Length > 3 ? args[3] : null);
    return;
}

if (args.Length > 0 && args[0] == "npy")
{
    await NpyBenchmark.RunAsync(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000, args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 10);
    return;
}

var rows = args.Length > 0 ? long.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000;
var classes = args.Length > 1 ? args[1] : "10";
var rowGroups = args.Length > 2 ? args[2] : "10";
var files = args.Length > 3 ? args[3] : "1";
var root = Path.Combine(Path.GetTempPath(), "sparkcleanlab-bench-" + Guid.NewGuid().ToString("N"));
try
{
    var clock = Stopwatch.StartNew();
    await CommandLine.RunAsync(["generate", "--output", Path.Combine(root, "data"), "--rows", rows.ToString(System.Globalization.CultureInfo.InvariantCulture), "--classes", classes, "--row-groups", rowGroups, "--files", files], Console.Out, Console.Error);
    Console.WriteLine($"generate: {clock.Elapsed.TotalSeconds:F1} s");

    clock.Restart();
    foreach (var file in Directory.GetFiles(Path.Combine(root, "data"), "*.parquet"))
    {
        await CopyAsync(file, Path.Combine(root, "floor-" + Path.GetFileName(file)));
    }

    var floor = clock.Elapsed.TotalSeconds;
    Console.WriteLine($"floor (Parquet.Net read + write): {floor:F2} s");

    clock.Restart();
    var code = await CommandLine.RunAsync(["find-issues", Path.Combine(root, "data"), "--output", Path.Combine(root, "out"), "--no-progress"], Console.Out, Console.Error);
    var run = clock.Elapsed.TotalSeconds;
    Console.WriteLine($"find-issues: {run:F2} s (exit {code}), {run / floor:F2}x the floor, {run * 1e9 / rows:F0} ns/row, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1 << 20)} MiB");
}
finally
{
    Directory.Delete(root, recursive: true);
}

// The floor: every row group read and written back with Snappy through the same Parquet.Net layer the job uses, nothing else.
static async Task CopyAsync(string source, string target)
{
    var input = await InputDataset.OpenAsync(source);
    await using var writer = await PartFileWriter.CreateAsync(target, input.Schema, []);
    foreach (var partition in input.Partitions)
    {
        using var batch = await input.ReadAsync(partition);
        await writer.WriteAsync(batch, []);
    }
}
