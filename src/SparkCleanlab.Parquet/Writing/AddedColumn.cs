using Parquet.Schema;

namespace SparkCleanlab.Parquet.Writing;

/// <summary>An output column the job computes, appended after the pass-through columns.</summary>
/// <param name="Name">Column name.</param>
/// <param name="Type">Column type.</param>
internal sealed record AddedColumn(string Name, AddedColumnType Type)
{
    internal Field ToField() => Type switch
    {
        AddedColumnType.Boolean => new DataField<bool>(Name),
        AddedColumnType.Int32 => new DataField<int>(Name),
        AddedColumnType.Int64 => new DataField<long>(Name),
        AddedColumnType.Double => new DataField<double>(Name),
        AddedColumnType.String => new DataField<string>(Name, true),
        AddedColumnType.Int32List => new ListField(Name, new DataField<int?>(ListField.ElementName)),
        AddedColumnType.StringList => new ListField(Name, new DataField<string>(ListField.ElementName, true)),
        _ => throw new ArgumentOutOfRangeException(nameof(Type), Type, "unknown added column type"),
    };
}
