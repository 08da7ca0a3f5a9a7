using SparkCleanlab.Plan;
using SparkCleanlab.Core.Validation;
using SparkCleanlab.Options.Parsing;
using SparkCleanlab.Spark;

// DotnetRunner starts this process with the find-issues command line; the verb is optional.
var arguments = args.Length > 0 && args[0] == "find-issues" ? args[1..] : args;
if (FindIssuesOptionsParser.IsHelpRequested(arguments))
{
    Console.WriteLine("Usage: SparkCleanlab.Spark find-issues [options]   (started by submit.sh / spark-submit)");
    Console.WriteLine(FindIssuesOptionsParser.HelpText());
    return ExitCodes.Success;
}

try
{
    var options = FindIssuesOptionsParser.Parse(arguments);
    if (options.Train is not null)
    {
        // Training runs in one process on one machine; the Spark engine expects predictions made upstream.
        throw new UsageException("--train runs on the local engine only (submit.sh --local); the Spark engine reads out-of-fold predictions from a probability column.");
    }

    if (options.Issues.Method == SparkCleanlab.Core.Filtering.FilterMethod.LowSelfConfidenceBatched)
    {
        // The reference's batched approximation exists for its memory limits; the Spark engine has none of those.
        throw new UsageException("--method low_self_confidence_batched runs on the local engine only (submit.sh --local); use low_self_confidence on Spark.");
    }

    return new SparkFindIssuesJob(options).Run(Console.Out);
}
catch (UsageException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return ExitCodes.Usage;
}
catch (InvalidInputException e)
{
    Console.Error.WriteLine($"input error: {e.Message}");
    return ExitCodes.InvalidInput;
}
catch (Exception e)
{
    // A JVM-side failure arrives as a JvmException with Spark's message; the full trace is in the driver log.
    Console.Error.WriteLine($"internal error: {e}");
    return ExitCodes.Internal;
}
