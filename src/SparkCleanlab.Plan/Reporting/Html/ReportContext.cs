using SparkCleanlab.Core.Estimation;

namespace SparkCleanlab.Plan.Reporting.Html;

/// <summary>A run with what every section reads from it: the request, the latent estimates and the classes never given.</summary>
internal sealed class ReportContext
{
    /// <summary>Above this many classes a K x K grid is unreadable: the matrices are shown bucketed, with the top pairs.</summary>
    public const int GridLimit = 50;

    /// <summary>Rows in the long tables (worst issues, confused pairs, classes at large K).</summary>
    public const int TableRows = 50;

    /// <summary>Reads what the sections share from <paramref name="run"/>.</summary>
    public ReportContext(RunResult run, FindIssuesRequest request, int? threads)
    {
        Run = run;
        Request = request;
        Threads = threads;
        Latent = run.Estimates.Latent(PriorMethod.Count);
        EmptyClasses = Enumerable.Range(0, ClassCount).Where(IsEmpty).ToArray();
    }

    /// <summary>The finished run.</summary>
    public RunResult Run { get; }

    /// <summary>What was asked for.</summary>
    public FindIssuesRequest Request { get; }

    /// <summary>Threads of the local engine, when known.</summary>
    public int? Threads { get; }

    /// <summary>Priors and noise matrices by the reference's default prior method (<c>cnt</c>).</summary>
    public LatentEstimate Latent { get; }

    /// <summary>Classes no row has as its given label.</summary>
    public IReadOnlyList<int> EmptyClasses { get; }

    /// <summary>K.</summary>
    public int ClassCount => Run.Estimates.ClassCount;

    /// <summary>True when K is too large for a K x K grid.</summary>
    public bool IsLarge => ClassCount > GridLimit;

    /// <summary>Rows that passed validation and were scored.</summary>
    public long ValidRows => Run.InputRows - Run.InvalidRows;

    /// <summary>The name of class <paramref name="c"/>.</summary>
    public string Name(int c) => Run.ClassNames[c];

    /// <summary>True when no row has class <paramref name="c"/> as its given label.</summary>
    public bool IsEmpty(int c) => Run.Estimates.LabelCounts[c] == 0;
}
