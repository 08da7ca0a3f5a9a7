using SparkCleanlab.Plan;

namespace SparkCleanlab.Parquet.Schema;

/// <summary>Which columns play which part, before the class count is settled.</summary>
/// <param name="LabelColumn">The given-label column.</param>
/// <param name="LabelKind">Index or name labels.</param>
/// <param name="Layout">List column or class columns.</param>
/// <param name="ProbabilityColumns">The probability column(s) in class order.</param>
/// <param name="ClassNamesFromColumns">Class names read off the probability column names, when they carry them.</param>
/// <param name="IdColumn">The id column, if named.</param>
/// <param name="LabelColumns">Multi-label membership columns, one per class, or null.</param>
internal sealed record ColumnRoles(
    string LabelColumn,
    LabelKind LabelKind,
    ProbabilityLayout Layout,
    IReadOnlyList<string> ProbabilityColumns,
    IReadOnlyList<string>? ClassNamesFromColumns,
    string? IdColumn,
    IReadOnlyList<string>? LabelColumns = null);
