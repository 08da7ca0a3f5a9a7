using SparkCleanlab.Parquet.Memory;
using Parquet.Schema;

namespace SparkCleanlab.Parquet.Reading;

/// <summary>
/// Where each row starts in a column's level entries and in its non-null values, so single rows can be copied
/// out of a column in any order. Flat required columns need no table: row r is entry r and value r.
/// </summary>
internal sealed class RowIndex : IDisposable
{
    private int[]? _levelStarts;
    private int[]? _valueStarts;

    private RowIndex(int[]? levelStarts, int[]? valueStarts)
    {
        _levelStarts = levelStarts;
        _valueStarts = valueStarts;
    }

    /// <summary>First level entry of <paramref name="row"/>; <c>row == RowCount</c> gives the end.</summary>
    public int LevelStart(int row) => _levelStarts is null ? row : _levelStarts[row];

    /// <summary>First non-null value of <paramref name="row"/>; <c>row == RowCount</c> gives the end.</summary>
    public int ValueStart(int row) => _valueStarts is null ? row : _valueStarts[row];

    public static RowIndex Build(DataField field, int rowCount, ReadOnlySpan<int> definitionLevels, ReadOnlySpan<int> repetitionLevels, int levelCount)
    {
        if (field.MaxDefinitionLevel == 0 && field.MaxRepetitionLevel == 0) return new RowIndex(null, null);

        int[]? levelStarts = field.MaxRepetitionLevel > 0 ? BatchBuffers<int>.Shared.Rent(rowCount + 1) : null;
        int[] valueStarts = BatchBuffers<int>.Shared.Rent(rowCount + 1);
        int row = -1;
        int values = 0;
        for (int entry = 0; entry < levelCount; entry++)
        {
            // A repetition level of 0 opens a new row; flat columns have one entry per row.
            if (levelStarts is null || repetitionLevels[entry] == 0)
            {
                row++;
                if (levelStarts is not null) levelStarts[row] = entry;
                valueStarts[row] = values;
            }
            if (definitionLevels.IsEmpty || definitionLevels[entry] == field.MaxDefinitionLevel) values++;
        }
        if (levelStarts is not null) levelStarts[rowCount] = levelCount;
        valueStarts[rowCount] = values;
        return new RowIndex(levelStarts, valueStarts);
    }

    public void Dispose()
    {
        if (_levelStarts is not null) BatchBuffers<int>.Shared.Return(_levelStarts);
        if (_valueStarts is not null) BatchBuffers<int>.Shared.Return(_valueStarts);
        _levelStarts = null;
        _valueStarts = null;
    }
}
