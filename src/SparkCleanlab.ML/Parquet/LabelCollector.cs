using SparkCleanlab.Plan;
using System.Globalization;

namespace SparkCleanlab.ML.Parquet;

/// <summary>
/// Collects the label column over the input's row groups and turns it into class indices: integer labels are
/// indices already; string labels map through the class list, or through their ordinally sorted distinct values.
/// </summary>
internal sealed class LabelCollector(string column, IReadOnlyList<string>? classes)
{
    private readonly List<long> _indices = [];
    private readonly List<string> _names = [];
    private string _firstFile = "";

    public void Append(LeafColumn leaf, string file, int rowGroup)
    {
        if (_firstFile.Length == 0) _firstFile = file;
        for (int row = 0; row < leaf.LevelCount; row++)
        {
            bool isNull = leaf.Strings is { } strings ? strings[row] is null : double.IsNaN(leaf.Numbers![row]);
            if (isNull)
            {
                throw new InputDataException("The label is null", "Drop rows without a label before training.", file: file, rowGroup: rowGroup, row: row, column: column);
            }

            if (leaf.Strings is not null)
            {
                _names.Add(leaf.Strings[row]!);
                continue;
            }

            long label = (long)leaf.Numbers![row];
            if (label < 0 || (classes is not null && label >= classes.Count))
            {
                throw new InputDataException(
                    $"Label {label.ToString(CultureInfo.InvariantCulture)} is not a class index 0..{(classes is null ? "K-1" : (classes.Count - 1).ToString(CultureInfo.InvariantCulture))}",
                    "Integer labels must be class indices from 0; give string labels or fix --classes.", file: file, rowGroup: rowGroup, row: row, column: column);
            }

            _indices.Add(label);
        }
    }

    /// <summary>The labels as class indices, K and the class names (null for integer labels without a class list).</summary>
    public (int[] Labels, int ClassCount, IReadOnlyList<string>? ClassNames) Finish()
    {
        (int[] labels, int k, IReadOnlyList<string>? names) = _names.Count > 0 ? FromNames() : FromIndices();
        if (k < 2)
        {
            throw new InputDataException(
                $"The labels name {k} class(es); a classifier needs at least 2", "Check the label column.", file: _firstFile, column: column);
        }

        return (labels, k, names);
    }

    private (int[], int, IReadOnlyList<string>?) FromIndices()
    {
        long max = _indices.Count == 0 ? -1 : _indices.Max();
        if (max >= Array.MaxLength)
        {
            throw new InputDataException($"Label {max} is too large for a class index", "Integer labels must be class indices 0..K-1.", file: _firstFile, column: column);
        }

        return (_indices.Select(l => (int)l).ToArray(), classes?.Count ?? (int)(max + 1), classes);
    }

    private (int[], int, IReadOnlyList<string>?) FromNames()
    {
        IReadOnlyList<string> names = classes ?? _names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int k = 0; k < names.Count; k++) index[names[k]] = k;
        var labels = new int[_names.Count];
        for (int row = 0; row < labels.Length; row++)
        {
            labels[row] = index.TryGetValue(_names[row], out int k) ? k : throw new InputDataException(
                $"Label '{_names[row]}' is not in --classes {string.Join(",", names)}",
                "Add it to --classes, or drop its rows.", file: _firstFile, column: column);
        }

        return (labels, names.Count, names);
    }
}
