using System.Globalization;
using System.Numerics;

namespace SparkCleanlab.Parquet.Reading;

/// <summary>Turns raw probability columns (one list column or K class columns, double or float) into row-major doubles.</summary>
internal static class ProbabilityDecoder
{
    /// <summary>Fills <see cref="InputBatch.Probabilities"/> from one list column of K elements per row.</summary>
    public static void DecodeList(PassThroughColumn column, InputBatch batch)
    {
        switch (column)
        {
            case PassThroughColumn<double> c: DecodeList(c, batch); break;
            case PassThroughColumn<float> c: DecodeList(c, batch); break;
            default: throw new InvalidOperationException($"probability column '{column.Name}' of type {column.Field.ClrType} passed schema detection");
        }
    }

    /// <summary>Fills <see cref="InputBatch.Probabilities"/> from K flat columns, column k holding class k.</summary>
    public static void DecodeClassColumns(IReadOnlyList<PassThroughColumn> classColumns, InputBatch batch)
    {
        for (int k = 0; k < classColumns.Count; k++)
        {
            switch (classColumns[k])
            {
                case PassThroughColumn<double> c: DecodeClassColumn(c, k, batch); break;
                case PassThroughColumn<float> c: DecodeClassColumn(c, k, batch); break;
                default: throw new InvalidOperationException($"probability column '{classColumns[k].Name}' of type {classColumns[k].Field.ClrType} passed schema detection");
            }
        }
    }

    private static void DecodeList<T>(PassThroughColumn<T> column, InputBatch batch) where T : struct, IFloatingPointIeee754<T>
    {
        int k = batch.ClassCount;
        string listColumn = column.Field.Path.FirstPart!;
        int maxDefinition = column.Field.MaxDefinitionLevel;
        // An element slot exists at maxDefinition, or one below it when elements themselves are nullable;
        // lower levels mean an empty or null list, both reported as a null probability.
        int slotDefinition = column.Field.IsNullable ? maxDefinition - 1 : maxDefinition;
        ReadOnlySpan<T> values = column.Values;
        ReadOnlySpan<int> definitionLevels = column.DefinitionLevels;
        ReadOnlySpan<int> repetitionLevels = column.RepetitionLevels;
        Span<double> probabilities = batch.Probabilities;

        int entry = 0;
        int next = 0;
        for (int row = 0; row < batch.Count; row++)
        {
            int slots = 0;
            bool hasNull = false;
            do
            {
                int definition = definitionLevels[entry];
                if (definition == maxDefinition)
                {
                    if (slots < k) probabilities[row * k + slots] = double.CreateTruncating(values[next]);
                    next++;
                    slots++;
                }
                else if (definition >= slotDefinition)
                {
                    hasNull = true;
                    slots++;
                }
                entry++;
            }
            while (entry < repetitionLevels.Length && repetitionLevels[entry] != 0);

            if (slots == 0 || hasNull) batch.Report(row, listColumn, RowProblemKind.NullProbability);
            else if (slots != k) batch.Report(row, listColumn, RowProblemKind.WrongProbabilityCount, slots.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static void DecodeClassColumn<T>(PassThroughColumn<T> column, int classIndex, InputBatch batch) where T : struct, IFloatingPointIeee754<T>
    {
        int k = batch.ClassCount;
        ReadOnlySpan<T> values = column.Values;
        ReadOnlySpan<int> definitionLevels = column.DefinitionLevels;
        Span<double> probabilities = batch.Probabilities;
        int next = 0;
        for (int row = 0; row < batch.Count; row++)
        {
            if (!definitionLevels.IsEmpty && definitionLevels[row] < column.Field.MaxDefinitionLevel)
            {
                batch.Report(row, column.Name, RowProblemKind.NullProbability);
                continue;
            }
            probabilities[row * k + classIndex] = double.CreateTruncating(values[next++]);
        }
    }
}
