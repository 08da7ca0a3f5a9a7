using Parquet.Schema;
using SparkCleanlab.Parquet.Reading;
using SparkCleanlab.Plan;

namespace SparkCleanlab.Parquet.Schema;

/// <summary>
/// What schema detection found: the class count, where labels and probabilities are, and which columns pass
/// through to the output. One instance describes every file of the input.
/// </summary>
internal sealed class DatasetSchema
{
    private readonly Func<Task<ParquetSchema>> _sourceSchema;

    internal DatasetSchema(
        int classCount,
        IReadOnlyList<string>? classNames,
        string labelColumn,
        LabelKind labelKind,
        ProbabilityLayout layout,
        IReadOnlyList<string> probabilityColumns,
        string? idColumn,
        IReadOnlyList<string> partitionColumns,
        ParquetSchema detectedSchema,
        Func<Task<ParquetSchema>> sourceSchema,
        bool multiLabel = false,
        IReadOnlyList<string>? labelColumns = null)
    {
        MultiLabel = multiLabel;
        LabelColumns = labelColumns;
        ClassCount = classCount;
        ClassNames = classNames;
        LabelColumn = labelColumn;
        LabelKind = labelKind;
        Layout = layout;
        ProbabilityColumns = probabilityColumns;
        IdColumn = idColumn;
        PartitionColumns = partitionColumns;
        _sourceSchema = sourceSchema;
        PassThroughColumns = detectedSchema.GetDataFields().Select(f => f.Path.ToString()).Concat(partitionColumns).ToArray();
    }

    /// <summary>K, the number of classes.</summary>
    public int ClassCount { get; }

    /// <summary>Class names in index order, when known (string labels, or probability columns named by class).</summary>
    public IReadOnlyList<string>? ClassNames { get; }

    /// <summary>The given-label column.</summary>
    public string LabelColumn { get; }

    /// <summary>True when each row has any number of given classes (<see cref="InputBatch.Memberships"/>).</summary>
    public bool MultiLabel { get; }

    /// <summary>Multi-label memberships as one 0/1 column per class, or null when <see cref="LabelColumn"/> holds a list.</summary>
    public IReadOnlyList<string>? LabelColumns { get; }

    /// <summary>Whether labels are indices or names.</summary>
    public LabelKind LabelKind { get; }

    /// <summary>How probabilities are stored.</summary>
    public ProbabilityLayout Layout { get; }

    /// <summary>The probability column(s): one list column, or K class columns in class order.</summary>
    public IReadOnlyList<string> ProbabilityColumns { get; }

    /// <summary>The id column, if one was named.</summary>
    public string? IdColumn { get; }

    /// <summary>Hive partition columns, appended after the file's columns as strings.</summary>
    public IReadOnlyList<string> PartitionColumns { get; }

    /// <summary>Every column a batch carries for writers, in order: the file's leaf columns, then partition columns.</summary>
    public IReadOnlyList<string> PassThroughColumns { get; }

    /// <summary>
    /// A fresh copy of the files' own schema. Parquet.Net binds field objects to the schema they were built in,
    /// so every writer builds its output schema from its own copy.
    /// </summary>
    internal Task<ParquetSchema> NewSourceSchemaAsync() => _sourceSchema();

    /// <summary>The class name of index <paramref name="classIndex"/>, or its number when classes are unnamed.</summary>
    public string ClassName(int classIndex) =>
        ClassNames is null ? classIndex.ToString(System.Globalization.CultureInfo.InvariantCulture) : ClassNames[classIndex];
}
