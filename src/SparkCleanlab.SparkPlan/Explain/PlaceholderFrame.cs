using SparkCleanlab.Plan;

namespace SparkCleanlab.SparkPlan.Explain;

/// <summary>
/// A frame of <see cref="PlaceholderSession"/>: it holds no rows. The input's frame has the
/// input's schema (the only schema the plan reads); a collect answers from
/// <see cref="PlaceholderResults"/> by the grouping that precedes it; writes write nothing.
/// </summary>
internal sealed class PlaceholderFrame(PlaceholderResults results, IReadOnlyList<FrameField> schema, IReadOnlyList<string>? keys = null, bool distinct = false) : IFrame
{
    /// <inheritdoc/>
    public IReadOnlyList<FrameField> Schema => schema;

    /// <inheritdoc/>
    public IFrame SelectExpr(params string[] expressions) => Derived(keys);

    /// <inheritdoc/>
    public IFrame Filter(string condition) => Derived(keys);

    /// <inheritdoc/>
    public IFrame GroupByAgg(IReadOnlyList<string> keys, IReadOnlyList<string> aggregations) => Derived(keys);

    /// <inheritdoc/>
    public IFrame Join(IFrame right, IReadOnlyList<string> on, bool broadcastRight) => Derived(keys);

    /// <inheritdoc/>
    public IFrame OrderBy(params string[] sortExpressions) => Derived(keys);

    /// <inheritdoc/>
    public IFrame Distinct() => new PlaceholderFrame(results, [], keys, distinct: true);

    /// <inheritdoc/>
    public IFrame Persist() => this;

    /// <inheritdoc/>
    public IReadOnlyList<FrameRow> Collect() =>
        distinct ? results.Files() : results.Collect(keys ?? throw new InvalidOperationException("The explain has no placeholder for a collect without a grouping."));

    /// <inheritdoc/>
    public long Count() => 0;

    /// <inheritdoc/>
    public void WriteParquet(string path)
    {
    }

    private PlaceholderFrame Derived(IReadOnlyList<string>? grouping) => new(results, [], grouping, distinct);
}
