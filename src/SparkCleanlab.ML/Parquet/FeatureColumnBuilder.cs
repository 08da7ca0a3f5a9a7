using SparkCleanlab.ML.Data;
using SparkCleanlab.Plan;

namespace SparkCleanlab.ML.Parquet;

/// <summary>Collects one planned feature column over the input's row groups, then builds its <see cref="FeatureColumn"/>.</summary>
internal sealed class FeatureColumnBuilder(PlannedColumn column)
{
    private readonly List<float> _numbers = [];
    private readonly List<float[]> _vectors = [];
    private readonly List<string?> _strings = [];

    public PlannedColumn Column { get; } = column;

    public void Append(LeafColumn leaf, string file, int rowGroup)
    {
        switch (Column.Kind)
        {
            case FeatureKind.Numeric:
                foreach (double value in leaf.Numbers!) _numbers.Add((float)value);
                break;
            case FeatureKind.Vector:
                AppendVectors(leaf, file, rowGroup);
                break;
            default:
                _strings.AddRange(leaf.Strings!);
                break;
        }
    }

    public FeatureColumn Build() => Column.Kind switch
    {
        FeatureKind.Numeric => FeatureColumn.Numeric(Column.Name, _numbers.ToArray()),
        FeatureKind.Vector => FeatureColumn.Vector(Column.Name, _vectors.ToArray()),
        FeatureKind.Categorical => FeatureColumn.Categorical(Column.Name, _strings.ToArray()!),
        _ => FeatureColumn.Text(Column.Name, _strings.ToArray()!),
    };

    // Every row needs the same length (the first row's); a null element is a missing value, imputed like a null number.
    private void AppendVectors(LeafColumn leaf, string file, int rowGroup)
    {
        var row = new List<float>();
        int rowInGroup = -1;
        for (int entry = 0; entry <= leaf.LevelCount; entry++)
        {
            if (entry == leaf.LevelCount || leaf.StartsRow(entry))
            {
                if (rowInGroup >= 0) AddVector(row, file, rowGroup, rowInGroup);
                if (entry == leaf.LevelCount) break;
                row.Clear();
                rowInGroup++;
            }

            if (leaf.IsElement(entry)) row.Add((float)leaf.Numbers![entry]);
        }
    }

    private void AddVector(List<float> row, string file, int rowGroup, int rowInGroup)
    {
        int expected = _vectors.Count == 0 ? row.Count : _vectors[0].Length;
        if (row.Count == 0 || row.Count != expected)
        {
            throw new InputDataException(
                $"The list has {row.Count} values but {(_vectors.Count == 0 ? "a vector feature needs at least one" : $"the first row has {expected}")}",
                "Give every row of a vector feature column a list of the same length (use NaN for a missing value).",
                file: file, rowGroup: rowGroup, row: rowInGroup, column: Column.Name);
        }

        _vectors.Add(row.ToArray());
    }
}
