using Microsoft.Spark.Sql;
using SparkCleanlab.Core.Validation;
using SparkCleanlab.Options.Parsing;
using SparkCleanlab.Plan;
using SparkCleanlab.Spark;

// DotnetRunner starts this process with the find-issues command line; the verb is optional.
var arguments = args.Length > 0 && args[0] == "find-issues" ? args[1..] : args;
if (FindIssuesOptionsParser.IsHelpRequested(arguments))
{
    Console.WriteLine("Usage: SparkCleanlab.Spark find-issues [options]   (started by submit.sh / spark-submit)");
    Console.WriteLine(FindIssuesOptionsParser.HelpText());
    return (int)ExitCode.Success;
}

try
{
    var options = FindIssuesOptionsParser.Parse(arguments);
    if (options.Train is not null)
    {
        // Training runs in one process on one machine; the Spark engine expects predictions made upstream.
        throw new UsageException("--train runs on the local engine only (submit.sh --local); the Spark engine reads out-of-fold predictions from a probability column.");
    }

    if (options.Request.Columns.MultiLabel)
    {
        throw new UsageException("--multi-label runs on the local engine only (submit.sh --local).");
    }

    var spark = SparkSession.Builder().AppName("sparkcleanlab").GetOrCreate();
    var session = new SparkSessionApi(spark);
    if (options.Request.IfChanged && await SparkEngine.IsUnchangedAsync(session, options.Request))
    {
        Console.WriteLine($"{options.Request.Output} is up to date: same input files and settings as its summary.json; nothing to do.");
        spark.Stop();
        return (int)ExitCode.Success;
    }

    var result = await SparkEngine.RunAsync(session, options.Request, Console.Error);
    Console.WriteLine($"committed {result.OutputPath}: {result.IssueRows} label issues of {result.InputRows} rows");

    spark.Stop();
    return (int)ExitCode.Success;
}
catch (UsageException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return (int)ExitCode.Usage;
}
catch (Exception e) when (e is InputDataException or InvalidInputException)
{
    Console.Error.WriteLine($"input error: {e.Message}");
    return (int)ExitCode.Input;
}
catch (IOException e)
{
    // The file system failed (full, read-only, permission, a commit race), not the data or the code.
    Console.Error.WriteLine($"environment or output failure: {e.Message}");
    return (int)ExitCode.Environment;
}
catch (Exception e)
{
    // A JVM-side failure arrives as a JvmException with Spark's message; the full trace is in the driver log.
    Console.Error.WriteLine($"internal error: {e}");
    return (int)ExitCode.Internal;
}
