namespace SparkCleanlab.Local.Output;

/// <summary>The subfolders and added columns of the output, as DESIGN.md's data contract names them.</summary>
public static class OutputFolders
{
    /// <summary>Rows not flagged.</summary>
    public const string Cleaned = "cleaned";

    /// <summary>Flagged rows, worst first.</summary>
    public const string Issues = "issues";

    /// <summary>Every valid row with the new columns.</summary>
    public const string Annotated = "annotated";

    /// <summary>Rows rejected by validation, with the reason.</summary>
    public const string Invalid = "invalid";

    /// <summary>Issue rows before their global rank is known; removed before commit.</summary>
    public const string Spill = "_spill";

    /// <summary>The numbers of the run.</summary>
    public const string Summary = "summary.json";

    /// <summary>The same numbers as a page.</summary>
    public const string Report = "report.html";
}
