using SparkCleanlab.Plan;
using Parquet;
using Parquet.Schema;
using SparkCleanlab.Parquet.Input;
using SparkCleanlab.Parquet.Schema;
using SparkCleanlab.Parquet.Reading.Slices;

namespace SparkCleanlab.Parquet.Reading;

/// <summary>
/// Parquet input: partitions are row groups, or slices of rows of a row group that decodes to more than one batch
/// may hold. Parquet.Net reads the footers and the schema; the rows are decoded by ParquetSharp a page at a time
/// (<see cref="RowGroupCursor"/>).
/// </summary>
internal sealed class ParquetDataset : InputDataset
{
    // A slice is never smaller than this, so a very wide row still makes batches worth a worker's hand-off.
    private const int MinSliceRows = 1024;

    private readonly DataField[] _fields;
    private readonly DataField[] _mathFields;
    private readonly LabelDecoder _labels;
    private readonly MembershipDecoder? _memberships;
    private readonly ProvidedProbabilities? _provided;
    private readonly bool _columnsOnly;

    private ParquetDataset(DatasetSchema schema, IReadOnlyList<InputPartition> partitions, DataField[] fields, ProvidedProbabilities? provided, bool columnsOnly)
        : base(schema, partitions)
    {
        _fields = fields;
        _mathFields = MathFields(schema, fields);
        _columnsOnly = columnsOnly;
        _labels = new LabelDecoder(schema.ClassCount, schema.ClassNames);
        _memberships = schema.MultiLabel ? new MembershipDecoder(schema, _labels) : null;
        _provided = provided;
    }

    public static async Task<InputDataset> OpenParquetAsync(string inputPath, InputSchemaOptions options, CancellationToken cancellationToken)
    {
        IReadOnlyList<DiscoveredFile> files = ParquetFileDiscovery.Discover(inputPath);
        ParquetSchema? firstSchema = null;
        ColumnRoles? roles = null;
        int? firstListLength = null;
        var partitions = new List<InputPartition>();
        long position = 0;
        foreach (DiscoveredFile file in files)
        {
            await using ParquetReader reader = await ParquetFile.OpenAsync(file.FullPath, cancellationToken);
            if (firstSchema is null)
            {
                firstSchema = reader.Schema;
                roles = SchemaDetector.FindColumns(firstSchema, options, file.FullPath);
            }
            else if (!reader.Schema.Equals(firstSchema))
            {
                throw new InputDataException(
                    $"Schema differs from the first file '{files[0].FullPath}': {reader.Schema.GetNotEqualsMessage(firstSchema, "this file", "first file")}",
                    "All input files must share one schema; convert or remove the odd file.", file: file.FullPath);
            }

            for (int rowGroup = 0; rowGroup < reader.RowGroupCount; rowGroup++)
            {
                ParquetRowGroupReader group = ParquetFile.OpenRowGroup(reader, file.FullPath, rowGroup);
                if (group.RowCount == 0) continue;
                if (group.RowCount < 0)
                {
                    throw new InputDataException(
                        $"Row group claims {group.RowCount} rows", "The file's metadata is corrupt; rewrite the file.", file: file.FullPath, rowGroup: rowGroup);
                }
                if (roles!.Layout == ProbabilityLayout.ListColumn && firstListLength is null)
                {
                    firstListLength = await FirstRowListLengthAsync(file.FullPath, rowGroup, reader.Schema, roles.ProbabilityColumns[0], cancellationToken);
                }

                long decoded = DecodedBytes(group, reader.Schema, options.ProvidedProbabilities?.ClassCount ?? firstListLength ?? roles.ProbabilityColumns.Count);
                // The spill is read back by row group, whole; input row groups too large for one batch are cut in slices.
                long slices = options.ColumnsOnly ? 1 : Math.Clamp(CeilingDivide(decoded, options.BatchBytes), 1, Math.Max(1, group.RowCount / MinSliceRows));
                long sliceRows = CeilingDivide(group.RowCount, slices);
                if (sliceRows > Array.MaxLength / 4)
                {
                    throw new InputDataException(
                        $"Row group has {group.RowCount} rows, more than one batch can hold",
                        "Rewrite the file with smaller row groups.", file: file.FullPath, rowGroup: rowGroup);
                }
                long wholeColumns = slices == 1 ? 0 : ColumnBytes(group, reader.Schema.GetDataFields().Where(f => !LeafCursor.CanSlice(f)));
                for (long first = 0; first < group.RowCount; first += sliceRows)
                {
                    long rows = Math.Min(sliceRows, group.RowCount - first);
                    partitions.Add(new InputPartition(partitions.Count, file.FullPath, rowGroup, rows, position, file.PartitionValues)
                    {
                        FirstRow = first,
                        DecodedBytes = (decoded * rows / group.RowCount) + wholeColumns,
                    });
                    position += rows;
                }
            }
        }

        if (position == 0)
        {
            throw new InputDataException("The input has no rows", "Point the job at a non-empty data set.", file: files[0].FullPath);
        }
        ProvidedProbabilities? provided = options.ProvidedProbabilities;
        if (provided is { HasValues: true } && provided.RowCount != position)
        {
            throw new InputDataException(
                $"The input has {position} rows but {provided.RowCount} rows of probabilities were computed for it",
                "The input changed while the job ran; run it again.", file: files[0].FullPath);
        }
        int inferred = roles!.Layout == ProbabilityLayout.ListColumn ? firstListLength!.Value : roles.ProbabilityColumns.Count;
        (int classCount, IReadOnlyList<string>? classNames) = SchemaDetector.SettleClasses(roles, options, inferred, files[0].FullPath);
        string schemaFile = files[0].FullPath;
        string[] written = provided is { WriteColumns: true } ? [.. provided.ColumnNames] : [];
        var schema = new DatasetSchema(
            classCount, classNames, roles.LabelColumn, roles.LabelKind, roles.Layout, roles.ProbabilityColumns, roles.IdColumn,
            files[0].PartitionValues.Select(v => v.Column).ToArray(), written.Length == 0 ? firstSchema! : await SourceSchemaAsync(schemaFile, written),
            () => SourceSchemaAsync(schemaFile, written), options.MultiLabel, roles.LabelColumns);
        return new ParquetDataset(schema, partitions, firstSchema!.GetDataFields(), provided, options.ColumnsOnly);
    }

    private protected override async Task<InputBatch> ReadBatchAsync(PartitionReader reader, InputPartition partition, Action onDispose, CancellationToken cancellationToken)
    {
        bool allColumns = reader.Content == BatchContent.AllColumns;
        RowGroupCursor cursor = await CursorAsync(reader, partition, allColumns ? _fields : _mathFields, cancellationToken);
        List<PassThroughColumn> columns;
        try
        {
            columns = [.. cursor.Read(partition.FirstRow, (int)partition.RowCount)];
        }
        finally
        {
            // A failed read leaves the columns at different rows, and a finished row group has no rows left: close both.
            if (cursor.Position != partition.FirstRow + partition.RowCount || cursor.Position == cursor.RowCount) reader.CloseRowGroup();
        }
        if (!allColumns)
        {
            // The columns are only the source of the labels and probabilities: freed now, they cost nothing while the pass works.
            try
            {
                return Decode(partition, columns, [], onDispose);
            }
            finally
            {
                foreach (PassThroughColumn column in columns) column.Dispose();
            }
        }

        try
        {
            if (_provided is { WriteColumns: true })
            {
                columns.AddRange(ProvidedColumns.Of(_provided, partition));
            }
            foreach (PartitionValue value in partition.PartitionValues)
            {
                columns.Add(PassThroughColumn.Constant(value.Column, value.Value, (int)partition.RowCount));
            }
        }
        catch
        {
            foreach (PassThroughColumn column in columns) column.Dispose();
            throw;
        }

        return _columnsOnly ? new InputBatch(partition, (int)partition.RowCount, 0, columns, onDispose) : Decode(partition, columns, columns, onDispose);
    }

    // Labels and probabilities decoded from the read columns into a batch that carries the columns it is given.
    private InputBatch Decode(InputPartition partition, List<PassThroughColumn> columns, IReadOnlyList<PassThroughColumn> carried, Action onDispose)
    {
        var batch = new InputBatch(partition, (int)partition.RowCount, Schema.ClassCount, carried, onDispose, Schema.MultiLabel);
        try
        {
            if (_memberships is not null) _memberships.Decode(columns, batch);
            else _labels.Decode(columns.First(c => c.Name == Schema.LabelColumn), batch);
            if (Schema.Layout == ProbabilityLayout.Provided)
            {
                if (_provided!.HasValues) _provided.Rows(partition.FirstPosition, batch.Count).CopyTo(batch.Probabilities);
            }
            else if (Schema.Layout == ProbabilityLayout.ListColumn)
            {
                ProbabilityDecoder.DecodeList(columns.First(c => c.Field.Path.FirstPart == Schema.ProbabilityColumns[0]), batch);
            }
            else
            {
                ProbabilityDecoder.DecodeClassColumns(Schema.ProbabilityColumns.Select(name => columns.First(c => c.Name == name)).ToArray(), batch);
            }
            batch.SealProblems();
            return batch;
        }
        catch
        {
            batch.Dispose();
            throw;
        }
    }

    // A column chunk decodes to its uncompressed values plus four bytes per level entry and kind; the batch adds
    // a label and K doubles per row.
    private static long DecodedBytes(ParquetRowGroupReader group, ParquetSchema schema, int classCount) =>
        (group.RowCount * (sizeof(int) + sizeof(bool) + (sizeof(double) * (long)classCount))) + ColumnBytes(group, schema.GetDataFields());

    // What the columns' chunks decode to; a row group read in slices holds the columns only Parquet.Net maps whole in every slice.
    private static long ColumnBytes(ParquetRowGroupReader group, IEnumerable<DataField> fields)
    {
        long bytes = 0;
        foreach (DataField field in fields)
        {
            var metadata = group.GetMetadata(field)?.MetaData;
            if (metadata is null) continue;
            int levelKinds = (field.MaxDefinitionLevel > 0 ? 1 : 0) + (field.MaxRepetitionLevel > 0 ? 1 : 0);
            bytes += metadata.TotalUncompressedSize + (metadata.NumValues * sizeof(int) * levelKinds);
        }
        return bytes;
    }

    // The files' schema, plus the written probability columns after the file's own, as batches carry them.
    private static async Task<ParquetSchema> SourceSchemaAsync(string file, string[] written)
    {
        ParquetSchema source = await ParquetReader.ReadSchemaAsync(file);
        return written.Length == 0 ? source : new ParquetSchema(source.Fields.Concat(ProvidedColumns.Fields(written)));
    }

    // The open row group the reader's last slice left at or before this partition's first row, else a new one.
    private static async Task<RowGroupCursor> CursorAsync(PartitionReader reader, InputPartition partition, DataField[] fields, CancellationToken cancellationToken)
    {
        if (reader.Cursor is { } open && open.File == partition.File && open.RowGroup == partition.RowGroup && open.Position <= partition.FirstRow)
        {
            return open;
        }

        reader.CloseRowGroup();
        RowGroupCursor cursor = await RowGroupCursor.OpenAsync(partition.File, partition.RowGroup, fields, cancellationToken);
        reader.Open(cursor);
        return cursor;
    }

    // The leaves of the label and probability columns: all the math reads.
    private static DataField[] MathFields(DatasetSchema schema, DataField[] fields)
    {
        var names = new HashSet<string>([schema.LabelColumn, .. schema.LabelColumns ?? []], StringComparer.Ordinal);
        if (schema.Layout != ProbabilityLayout.Provided) names.UnionWith(schema.ProbabilityColumns);
        return [.. fields.Where(f => names.Contains(f.Path.FirstPart!))];
    }

    private static long CeilingDivide(long value, long divisor) => (value / divisor) + (value % divisor == 0 ? 0 : 1);

    private static async Task<int> FirstRowListLengthAsync(string file, int rowGroup, ParquetSchema schema, string listColumn, CancellationToken cancellationToken)
    {
        DataField field = schema.GetDataFields().First(f => f.Path.FirstPart == listColumn);
        using RowGroupCursor cursor = await RowGroupCursor.OpenAsync(file, rowGroup, [field], cancellationToken);
        using PassThroughColumn column = cursor.Read(0, 1)[0];
        ReadOnlySpan<int> definitionLevels = column.DefinitionLevels;
        int slotDefinition = field.IsNullable ? field.MaxDefinitionLevel - 1 : field.MaxDefinitionLevel;
        int length = 0;
        foreach (int definition in definitionLevels)
        {
            if (definition >= slotDefinition) length++;
        }
        if (length == 0)
        {
            throw new InputDataException(
                "The first row's probability list is null or empty, so K cannot be inferred",
                "Give --num-classes K, or fix the first row.", file: file, rowGroup: rowGroup, row: 0, column: field.Path.FirstPart);
        }
        return length;
    }
}
