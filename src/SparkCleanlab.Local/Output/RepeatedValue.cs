using System.Collections;

namespace SparkCleanlab.Local.Output;

/// <summary>One string repeated for every row (the <c>method</c> column) without an array per batch.</summary>
internal sealed class RepeatedValue(string value, int count) : IReadOnlyList<string?>
{
    /// <inheritdoc/>
    public string? this[int index] => (uint)index < (uint)count ? value : throw new ArgumentOutOfRangeException(nameof(index));

    /// <inheritdoc/>
    public int Count => count;

    /// <inheritdoc/>
    public IEnumerator<string?> GetEnumerator() => Enumerable.Repeat<string?>(value, count).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
