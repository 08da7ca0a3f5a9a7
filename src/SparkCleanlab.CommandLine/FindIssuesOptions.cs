using SparkCleanlab.Plan;

namespace SparkCleanlab.CommandLine;

/// <summary>
/// What the <c>find-issues</c> command line asks for: the engine's request, plus what only the
/// command does (out-of-fold training, progress on the terminal).
/// </summary>
public sealed record FindIssuesOptions
{
    /// <summary>The run itself.</summary>
    public FindIssuesRequest Request { get; init; } = new();

    /// <summary>Out-of-fold training from feature columns in place of a probability column; null reads the probabilities.</summary>
    public TrainSettings? Train { get; init; }

    /// <summary>Print the Spark engine's plan instead of running it (<c>--explain</c>).</summary>
    public bool Explain { get; init; }

    /// <summary>Show progress on a terminal.</summary>
    public bool Progress { get; init; } = true;
}
