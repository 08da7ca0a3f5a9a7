namespace SparkCleanlab.Plan;

/// <summary>
/// The input as a whole cannot be used: no files match, a column is missing or mistyped, the class count is
/// wrong, the data set is empty, or a file is not readable Parquet. The message names where the problem is and
/// what to do about it, so the command line can print it as is.
/// </summary>
public sealed class InputDataException : Exception
{
    /// <summary>Creates the exception; every location part is optional because not every problem has one.</summary>
    /// <param name="problem">What is wrong, in one sentence.</param>
    /// <param name="remedy">What the user can do about it.</param>
    /// <param name="file">The file concerned, or null when the problem is not about one file.</param>
    /// <param name="rowGroup">The row group index inside <paramref name="file"/>, when known.</param>
    /// <param name="row">The row index inside the row group (or the file, for .npy input), when known.</param>
    /// <param name="column">The column concerned, when known.</param>
    /// <param name="inner">The underlying exception, typically from Parquet.Net.</param>
    public InputDataException(
        string problem,
        string remedy,
        string? file = null,
        int? rowGroup = null,
        long? row = null,
        string? column = null,
        Exception? inner = null)
        : base(Compose(problem, remedy, file, rowGroup, row, column), inner)
    {
        Problem = problem;
        Remedy = remedy;
        File = file;
        RowGroup = rowGroup;
        Row = row;
        Column = column;
    }

    /// <summary>What is wrong.</summary>
    public string Problem { get; }

    /// <summary>What the user can do about it.</summary>
    public string Remedy { get; }

    /// <summary>The file concerned, if any.</summary>
    public string? File { get; }

    /// <summary>The row group concerned, if known.</summary>
    public int? RowGroup { get; }

    /// <summary>The row concerned, if known.</summary>
    public long? Row { get; }

    /// <summary>The column concerned, if known.</summary>
    public string? Column { get; }

    private static string Compose(string problem, string remedy, string? file, int? rowGroup, long? row, string? column)
    {
        var where = new List<string>(4);
        if (file is not null) where.Add($"file '{file}'");
        if (rowGroup is not null) where.Add($"row group {rowGroup}");
        if (row is not null) where.Add($"row {row}");
        if (column is not null) where.Add($"column '{column}'");
        string location = where.Count == 0 ? "" : $" ({string.Join(", ", where)})";
        return $"{problem}{location}. {remedy}";
    }
}
