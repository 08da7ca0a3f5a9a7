using SparkCleanlab.Core.Filtering;
using SparkCleanlab.Core.Validation;

namespace SparkCleanlab.Plan;

/// <summary>
/// One find-issues run, whichever engine executes it and however it was asked for (command
/// line, code): inputs, output, columns, the confident-learning parameters, the invalid-row
/// policy and the execution settings.
/// </summary>
public sealed record FindIssuesRequest
{
    /// <summary>Input paths: Parquet files, folders, globs, Hive-style folders, or a labels.npy + pred_probs.npy pair.</summary>
    public IReadOnlyList<string> Inputs { get; init; } = [];

    /// <summary>The output folder (cleaned/, issues/, invalid/, summary.json, report.html, _SUCCESS).</summary>
    public string Output { get; init; } = "";

    /// <summary>Replace an existing output folder.</summary>
    public bool Overwrite { get; init; }

    /// <summary>Where the label, the probabilities and the id are.</summary>
    public InputColumns Columns { get; init; } = new();

    /// <summary>The confident-learning parameters.</summary>
    public LabelIssueOptions Issues { get; init; } = new();

    /// <summary>Fail on invalid rows, or quarantine them.</summary>
    public InvalidRowPolicy InvalidRows { get; init; } = InvalidRowPolicy.Fail;

    /// <summary>Largest accepted distance of a row's probability sum from one.</summary>
    public double SumTolerance { get; init; } = RowValidator.DefaultSumTolerance;

    /// <summary>Also write <c>annotated/</c>: every valid row with the new columns.</summary>
    public bool Annotated { get; init; }

    /// <summary>
    /// Skip the run when the output's <c>summary.json</c> records the same input fingerprint (files,
    /// sizes, modification times, rows) and the same settings; otherwise replace the output.
    /// </summary>
    public bool IfChanged { get; init; }

    /// <summary>The engine that runs the plan.</summary>
    public EngineKind Engine { get; init; } = EngineKind.Local;

    /// <summary>Threads, batch size and memory of the local engine.</summary>
    public ExecutionSettings Execution { get; init; } = new();

    /// <summary>How the probabilities were trained before the run, when they were; reported in the run's summary.</summary>
    public TrainingInfo? Training { get; init; }
}
