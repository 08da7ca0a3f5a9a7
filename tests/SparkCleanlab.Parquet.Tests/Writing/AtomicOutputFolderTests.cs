using SparkCleanlab.Parquet.Writing;

namespace SparkCleanlab.Parquet.Tests.Writing;

public class AtomicOutputFolderTests
{
    [Fact]
    public void NothingAppearsWithoutCommit()
    {
        using var temp = new TempFolder();
        string final = temp.Combine("out");
        using (var output = AtomicOutputFolder.Create(final, overwrite: false, []))
        {
            File.WriteAllText(Path.Combine(output.Subfolder("cleaned"), "part-00000.parquet"), "x");
            Assert.False(Directory.Exists(final));
        }

        Assert.False(Directory.Exists(final));
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Fact]
    public void CommitMovesTheOutputInPlaceWithSuccessMarker()
    {
        using var temp = new TempFolder();
        string final = temp.Combine("out");
        using (var output = AtomicOutputFolder.Create(final, overwrite: false, []))
        {
            Assert.StartsWith(temp.Combine(".out._temporary-"), output.WorkingPath);
            File.WriteAllText(Path.Combine(output.Subfolder("issues"), "part-00000.parquet"), "x");
            output.Commit();
        }

        Assert.True(File.Exists(Path.Combine(final, "_SUCCESS")));
        Assert.True(File.Exists(Path.Combine(final, "issues", "part-00000.parquet")));
        Assert.Equal([final], Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Fact]
    public void AnExistingOutputNeedsOverwrite()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Combine("out"));

        Assert.Throws<OutputFolderException>(() => AtomicOutputFolder.Create(temp.Combine("out"), overwrite: false, []));
    }

    [Fact]
    public void OverwriteReplacesTheOldOutputOnlyAtCommit()
    {
        using var temp = new TempFolder();
        string final = temp.Combine("out");
        Directory.CreateDirectory(final);
        File.WriteAllText(Path.Combine(final, "old.txt"), "old");

        using (var output = AtomicOutputFolder.Create(final, overwrite: true, []))
        {
            File.WriteAllText(Path.Combine(output.WorkingPath, "new.txt"), "new");
            Assert.True(File.Exists(Path.Combine(final, "old.txt")));
            output.Commit();
        }

        Assert.False(File.Exists(Path.Combine(final, "old.txt")));
        Assert.True(File.Exists(Path.Combine(final, "new.txt")));
        Assert.Equal([final], Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Fact]
    public void AFailedOverwriteRunKeepsTheOldOutput()
    {
        using var temp = new TempFolder();
        string final = temp.Combine("out");
        Directory.CreateDirectory(final);
        File.WriteAllText(Path.Combine(final, "old.txt"), "old");

        using (AtomicOutputFolder.Create(final, overwrite: true, []))
        {
        }

        Assert.True(File.Exists(Path.Combine(final, "old.txt")));
    }

    [Theory]
    [InlineData("data", "data")]
    [InlineData("data/out", "data")]
    [InlineData("data", "data/in")]
    public void RefusesOutputOverlappingInput(string output, string input)
    {
        using var temp = new TempFolder();

        Assert.Throws<OutputFolderException>(() => AtomicOutputFolder.Create(temp.Combine(output), overwrite: true, [temp.Combine(input)]));
    }

    [Fact]
    public void AnOutputUnderAGlobsFolderOverlapsIt()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Combine("base"));

        Assert.Throws<OutputFolderException>(() => AtomicOutputFolder.Create(temp.Combine("base", "out"), overwrite: true, [temp.Combine("base") + "/*.parquet"]));
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Combine("base")));
    }

    [Fact]
    public void AnOutputReachedThroughALinkIntoTheInputOverlapsIt()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.Combine("data"));
        Directory.CreateSymbolicLink(temp.Combine("link"), temp.Combine("data"));

        Assert.Throws<OutputFolderException>(() => AtomicOutputFolder.Create(temp.Combine("link", "out"), overwrite: true, [temp.Combine("data")]));
        Assert.Throws<OutputFolderException>(() => AtomicOutputFolder.Create(temp.Combine("data", "out"), overwrite: true, [temp.Combine("link") + "/*.parquet"]));
    }

    [Fact]
    public void ASiblingWithACommonPrefixIsNotInside()
    {
        using var temp = new TempFolder();
        using var output = AtomicOutputFolder.Create(temp.Combine("data-out"), overwrite: false, [temp.Combine("data")]);

        Assert.True(Directory.Exists(output.WorkingPath));
    }
}
