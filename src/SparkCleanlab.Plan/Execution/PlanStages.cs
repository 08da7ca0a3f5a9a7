namespace SparkCleanlab.Plan.Execution;

/// <summary>The stage names of every run, as progress and <c>summary.json</c>'s timings show them.</summary>
internal static class PlanStages
{
    /// <summary>Reading the schema and reserving the output.</summary>
    public const string Open = "open";

    /// <summary>Pass 1: validation and class statistics.</summary>
    public const string Validate = "validate";

    /// <summary>Pass 2: the confident joint.</summary>
    public const string ConfidentJoint = "confident-joint";

    /// <summary>Stage 4: flagging, the ranked issues and every output folder.</summary>
    public const string FlagAndWrite = "flag-and-write";

    /// <summary>Writing the documents and publishing the output.</summary>
    public const string Publish = "publish";

    /// <summary>Selection round <paramref name="number"/>.</summary>
    public static string Select(int number) => $"select-{number}";
}
