using SparkCleanlab.Parquet.Reading;
using SparkCleanlab.Parquet.Tests.Support;
using SparkCleanlab.Synthetic;

namespace SparkCleanlab.Parquet.Tests.Reading;

public class BoundedMemoryTests
{
    [Fact]
    public async Task OnlyTheRequestedRowGroupIsInMemory()
    {
        using var temp = new TempFolder();
        await SyntheticDatasetWriter.WriteAsync(temp.Path, Data.Make(100, 3), new SyntheticLayout { RowGroupsPerFile = 5 });
        InputDataset dataset = await InputDataset.OpenAsync(temp.Path);

        foreach (InputPartition partition in dataset.Partitions)
        {
            InputBatch batch = await dataset.ReadAsync(partition);
            Assert.Equal(1, dataset.BatchesInUse);
            Assert.Equal(20, batch.Count);
            Assert.All(batch.Columns, c => Assert.Equal(20, c.RowCount));
            Assert.Equal(20 * 3, ((PassThroughColumn<double>)batch.Columns[1]).ValueCount);
            batch.Dispose();
            Assert.Equal(0, dataset.BatchesInUse);
            Assert.Throws<ObjectDisposedException>(() => batch.Labels.Length);
        }
    }
}
