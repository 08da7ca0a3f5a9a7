using SparkCleanlab.Parquet.Writing;

namespace SparkCleanlab.Parquet.Tests.Writing;

public class OutputRecoveryTests
{
    [Fact]
    public void AStagingFolderOfAKilledRunIsRemovedAndTheOutputKept()
    {
        using var temp = new TempFolder();
        Output(temp, "out", "old");
        Output(temp, ".out._temporary-killed", "half");
        File.WriteAllText(temp.Combine(".out._temporary-killed", ".sparkcleanlab-run"), (RunOwner.Current() with { Pid = 424242 }).ToString());
        var log = new StringWriter();

        using (AtomicOutputFolder.Create(temp.Combine("out"), overwrite: true, [], log))
        {
        }

        Assert.Equal("old", Content(temp, "out"));
        Assert.Equal([temp.Combine("out")], Directory.EnumerateFileSystemEntries(temp.Path));
        Assert.Contains($"removed '{temp.Combine(".out._temporary-killed")}' (written by pid 424242", log.ToString());
    }

    [Fact]
    public void APreviousOutputMovedAsideIsRestoredWhenTheOutputIsMissing()
    {
        using var temp = new TempFolder();
        Output(temp, ".out._replaced-killed", "old");
        Output(temp, ".out._temporary-killed", "new");
        var log = new StringWriter();

        using (AtomicOutputFolder.Create(temp.Combine("out"), overwrite: true, [], log))
        {
        }

        Assert.Equal("old", Content(temp, "out"));
        Assert.Equal([temp.Combine("out")], Directory.EnumerateFileSystemEntries(temp.Path));
        string[] lines = log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("restored the previous output", lines[0]);
    }

    [Fact]
    public void ARestoredOutputStillNeedsOverwrite()
    {
        using var temp = new TempFolder();
        Output(temp, ".out._replaced-killed", "old");

        Assert.Throws<OutputFolderException>(() => AtomicOutputFolder.Create(temp.Combine("out"), overwrite: false, []));

        Assert.Equal("old", Content(temp, "out"));
        Assert.Equal([temp.Combine("out")], Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Fact]
    public void AReplacedFolderBesideACommittedOutputIsRemoved()
    {
        using var temp = new TempFolder();
        Output(temp, "out", "new");
        Output(temp, ".out._replaced-killed", "old");
        Output(temp, ".out._deleting-killed", "older");

        using (AtomicOutputFolder.Create(temp.Combine("out"), overwrite: true, []))
        {
        }

        Assert.Equal("new", Content(temp, "out"));
        Assert.Equal([temp.Combine("out")], Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Fact]
    public void AnotherOutputsDebrisIsLeftAlone()
    {
        using var temp = new TempFolder();
        Output(temp, ".other._temporary-x", "theirs");
        Output(temp, ".out-2._replaced-x", "theirs");

        using (AtomicOutputFolder.Create(temp.Combine("out"), overwrite: true, []))
        {
        }

        Assert.Equal("theirs", Content(temp, ".other._temporary-x"));
        Assert.Equal("theirs", Content(temp, ".out-2._replaced-x"));
    }

    [Fact]
    public void CommitLeavesNoMarkerAndNoDebris()
    {
        using var temp = new TempFolder();
        Output(temp, "out", "old");
        using (var output = AtomicOutputFolder.Create(temp.Combine("out"), overwrite: true, []))
        {
            Assert.True(File.Exists(Path.Combine(output.WorkingPath, ".sparkcleanlab-run")));
            File.WriteAllText(Path.Combine(output.Subfolder("cleaned"), "part-00000.parquet"), "new");
            output.Commit();
        }

        Assert.Equal(["_SUCCESS", "cleaned"], Directory.EnumerateFileSystemEntries(temp.Combine("out")).Select(Path.GetFileName).Order());
        Assert.Equal([temp.Combine("out")], Directory.EnumerateFileSystemEntries(temp.Path));
    }

    private static void Output(TempFolder temp, string name, string content)
    {
        Directory.CreateDirectory(temp.Combine(name, "cleaned"));
        File.WriteAllText(temp.Combine(name, "cleaned", "part-00000.parquet"), content);
    }

    private static string Content(TempFolder temp, string name) => File.ReadAllText(temp.Combine(name, "cleaned", "part-00000.parquet"));
}
