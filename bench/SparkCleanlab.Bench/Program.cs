using System.Diagnostics;
using BenchmarkDotNet.Running;
using SparkCleanlab.Bench;

// `quick` times a few runs with a stopwatch (seconds); anything else goes to BenchmarkDotNet.
if (args.Length > 0 && args[0] == "quick")
{
    var bench = new FindLabelIssuesBenchmark { Rows = args.Length > 1 ? int.Parse(args[1]) : 1_000_000 };
    bench.Setup();
    foreach (var (name, run) in new (string, Func<int>)[] { ("single-threaded", bench.SingleThreaded), ("all cores", bench.AllCores) })
    {
        // Warm up until the tiered JIT has promoted the hot loops, as BenchmarkDotNet would.
        for (var i = 0; i < 10; i++)
        {
            run();
        }

        var times = new List<double>();
        for (var i = 0; i < 7; i++)
        {
            var watch = Stopwatch.StartNew();
            var issues = run();
            times.Add(watch.Elapsed.TotalMilliseconds);
            Console.WriteLine($"{name}: {watch.Elapsed.TotalMilliseconds:F1} ms ({issues} issues)");
        }

        Console.WriteLine($"{name}: median {times.Order().ElementAt(times.Count / 2):F1} ms");
    }

    return;
}

BenchmarkSwitcher.FromAssembly(typeof(FindLabelIssuesBenchmark).Assembly).Run(args);
