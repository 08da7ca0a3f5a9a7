using System.Globalization;

namespace SparkCleanlab.Plan;

/// <summary>
/// Predicted probabilities held in memory, used instead of probability columns (e.g. out-of-fold probabilities
/// trained in this process): row-major N x K, row r belonging to the input's r-th row in its deterministic order
/// (files by relative path, then row groups). The input needs no probability column then.
/// </summary>
public sealed class ProvidedProbabilities
{
    /// <summary>The prefix of the columns the probabilities are written as, <c>p_0..p_{K-1}</c>: what find-issues reads by default.</summary>
    public const string ColumnPrefix = "p_";

    private readonly ReadOnlyMemory<double> _values;

    /// <summary>Probabilities for every row of the input.</summary>
    /// <param name="values">Row-major N x K values.</param>
    /// <param name="classCount">K, at least 2.</param>
    public ProvidedProbabilities(ReadOnlyMemory<double> values, int classCount)
        : this(classCount, values, hasValues: true)
    {
        if (values.Length % classCount != 0)
        {
            throw new ArgumentException($"{values.Length} values are not a whole number of rows of {classCount}", nameof(values));
        }
    }

    private ProvidedProbabilities(int classCount, ReadOnlyMemory<double> values, bool hasValues)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 2);
        ClassCount = classCount;
        _values = values;
        HasValues = hasValues;
        ColumnNames = Enumerable.Range(0, classCount).Select(k => ColumnPrefix + k.ToString(CultureInfo.InvariantCulture)).ToArray();
    }

    /// <summary>K.</summary>
    public int ClassCount { get; }

    /// <summary>False for <see cref="Unread"/>: batches then hold zero probabilities.</summary>
    public bool HasValues { get; }

    /// <summary>N, the rows the values cover; 0 without values.</summary>
    public long RowCount => _values.Length / ClassCount;

    /// <summary>The names of the probabilities in class order, <c>p_0..p_{K-1}</c>, written or not.</summary>
    public IReadOnlyList<string> ColumnNames { get; }

    /// <summary>
    /// Batches carry the probabilities as K non-null double columns <see cref="ColumnNames"/> after the file's own
    /// columns, so every output holds them. The input must not have columns of those names.
    /// </summary>
    public bool WriteColumns { get; init; }

    /// <summary>
    /// K classes without values, for re-reading rows whose probabilities are no longer needed (rows the job wrote
    /// itself); any row count is accepted and batches hold zeros.
    /// </summary>
    public static ProvidedProbabilities Unread(int classCount) => new(classCount, ReadOnlyMemory<double>.Empty, hasValues: false);

    /// <summary>The values of <paramref name="rowCount"/> rows from row <paramref name="firstRow"/>, row-major.</summary>
    internal ReadOnlySpan<double> Rows(long firstRow, int rowCount) =>
        _values.Span.Slice(checked((int)(firstRow * ClassCount)), rowCount * ClassCount);
}
