using Microsoft.Spark.Sql;
using SparkCleanlab.CommandLine.Help;
using SparkCleanlab.CommandLine.Parsing;
using SparkCleanlab.Core.Validation;
using SparkCleanlab.Parquet;
using SparkCleanlab.Plan;
using SparkCleanlab.Spark;

// DotnetRunner starts this process with the find-issues command line; the verb is optional.
var arguments = args.Length > 0 && args[0] == "find-issues" ? args[1..] : args;
var definition = new FindIssuesDefinition();
if (definition.IsHelpAsked(arguments))
{
    HelpWriter.Write(new CommandHelp(
        "SparkCleanlab.Spark find-issues [--input] PATH... --output FOLDER [options]   (started by submit.sh / spark-submit)",
        "Finds label issues on Spark with the same options, defaults and outputs as the local engine.",
        definition.Groups,
        [
            "./submit.sh --master yarn -- find-issues hdfs:///data/in --output hdfs:///data/out",
            "./submit.sh --master 'local[4]' --dry-run -- --input data/ --output out/ --overwrite",
        ]), Console.Out, HelpWriter.Width);
    return (int)ExitCode.Success;
}

try
{
    var options = definition.Parse(arguments);
    if (options.Train is not null)
    {
        // Training runs in one process on one machine; the Spark engine expects predictions made upstream.
        throw new UsageException("--train runs on the local engine only (submit.sh --local); the Spark engine reads out-of-fold predictions from a probability column.");
    }

    if (options.Explain)
    {
        // The plan is recorded on a session that starts no JVM, so explaining needs no cluster.
        Console.Write(await SparkEngine.ExplainAsync(options.Request));
        return (int)ExitCode.Success;
    }

    var spark = SparkSession.Builder().AppName("sparkcleanlab").GetOrCreate();
    var session = new SparkSessionApi(spark);
    var request = options.Request;
    if (request.IfChanged && await SparkEngine.IsUnchangedAsync(session, request))
    {
        Console.WriteLine($"{request.Output} is up to date: same input files and settings as its summary.json; nothing to do.");
    }
    else
    {
        RunOutcome result = request.Columns.MultiLabel
            ? await SparkEngine.RunMultiLabelAsync(session, request, Console.Error)
            : await SparkEngine.RunAsync(session, request, Console.Error);
        Console.WriteLine($"committed {result.OutputPath}: {result.IssueRows} label issues of {result.InputRows} rows");
    }

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
catch (Exception e) when (e is IOException or EnvironmentFailureException)
{
    // The file system failed (full, read-only, permission, a commit race, the output locked by another run), not the data or the code.
    Console.Error.WriteLine($"environment or output failure: {e.Message}");
    return (int)ExitCode.Environment;
}
catch (Exception e)
{
    // A JVM-side failure arrives as a JvmException with Spark's message; the full trace is in the driver log.
    Console.Error.WriteLine($"internal error: {e}");
    return (int)ExitCode.Internal;
}
