using Parquet.Serialization;
using SparkCleanlab.Local.Output;
using SparkCleanlab.Local.Tests.Support;
using SparkCleanlab.Parquet.Reading;
using SparkCleanlab.Parquet.Schema;
using SparkCleanlab.Parquet.Writing;
using SparkCleanlab.Plan;

namespace SparkCleanlab.Local.Tests;

public class ParallelRankingTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    public void RanksMergedOnManyThreadsAreTheGlobalSortOrder(int threads)
    {
        // Enough keys for several ranges; scores repeat so the position breaks ties across partitions.
        var random = new Random(11);
        long position = 0;
        var keys = Enumerable.Range(0, 9).Select(p => Enumerable.Range(0, random.Next(0, 40_000))
            .Select(r => new IssueKey(Math.Round(random.NextDouble(), 3), position++, r)).Order().ToArray()).ToList();

        var ranks = new IssueRanks(keys, threads);

        var expected = keys.SelectMany((k, p) => k.Select((key, i) => (key, p, i))).OrderBy(x => x.key).Select((x, rank) => (x.p, x.i, rank)).ToList();
        Assert.Equal(expected.Count, ranks.Count);
        Assert.All(expected, x => Assert.Equal(x.rank, ranks.Of(x.p)[x.i]));
    }

    [Fact]
    public async Task FilesMergedSideBySideHoldTheSameRanksAsOneThread()
    {
        using var temp = new TempFolder();
        var golden = GoldenCase.Load("synthetic_k3_n1000");
        var input = await golden.WriteAsync(temp.Combine("in"), ProbabilityLayout.ListColumn, 2, 5);
        var dataset = await InputDataset.OpenAsync(input);
        Directory.CreateDirectory(temp.Combine("spill"));
        var random = new Random(5);
        var keys = new List<IssueKey[]>();
        foreach (var partition in dataset.Partitions)
        {
            var sorted = Enumerable.Range(0, (int)partition.RowCount).Where(r => r % 2 == 0)
                .Select(r => new IssueKey(Math.Round(random.NextDouble(), 2), partition.FirstPosition + r, r)).Order().ToArray();
            using var batch = await dataset.ReadAsync(partition);
            await using var writer = await PartFileWriter.CreateAsync(Path.Combine(temp.Combine("spill"), PartFileName.Of(partition.Index, "run")), dataset.Schema, []);
            for (var first = 0; first < sorted.Length; first += 5)
            {
                await writer.WriteAsync(batch, [], sorted.Skip(first).Take(5).Select(key => key.BatchRow).ToArray());
            }

            keys.Add(sorted);
        }

        var ranks = new IssueRanks(keys, 3);
        var results = new List<(long Id, long Rank)[]>();
        foreach (var threads in new[] { 1, 3 })
        {
            var folder = temp.Combine($"issues-{threads}");
            Directory.CreateDirectory(folder);
            var merger = new IssueMerger(new GatherLimits(RowGroupRows: 8, RowsPerFile: 40), threads);
            Assert.Equal(ranks.Count, await merger.MergeAsync(temp.Combine("spill"), folder, new InputSchemaOptions(), "run", ranks, CancellationToken.None));
            Assert.Equal((int)((ranks.Count + 39) / 40), merger.FileCount);
            var rows = new List<(long, long)>();
            foreach (var file in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
            {
                rows.AddRange((await ParquetSerializer.DeserializeAsync<IssueOrderTests.IssueRow>(file)).Data.Select(r => (r.Id, r.Rank)));
            }

            results.Add([.. rows]);
        }

        Assert.Equal(Enumerable.Range(0, (int)ranks.Count).Select(r => (long)r), results[1].Select(r => r.Rank));
        Assert.Equal(keys.SelectMany(k => k).Order().Select(k => k.Position), results[1].Select(r => r.Id));
        Assert.Equal(results[0], results[1]);
    }
}
