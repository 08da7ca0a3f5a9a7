namespace SparkCleanlab.SparkSql.Tests;

[Trait("Category", "SparkSql")]
public sealed class SessionFileTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sparksql-files-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public void File_operations_take_plain_paths_and_file_uris()
    {
        var session = Sql.Session();
        var folder = "file:" + Path.Combine(_root, "a b");
        Assert.False(session.Exists(folder));
        Assert.Empty(session.List(folder));
        Assert.Null(session.ReadText($"{folder}/x.txt"));

        session.WriteText($"{folder}/x.txt", "héllo");
        Assert.True(session.Exists(Path.Combine(_root, "a b", "x.txt")));
        Assert.Equal("héllo", session.ReadText($"{folder}/x.txt"));
        Assert.Equal([Path.Combine(_root, "a b", "x.txt")], session.List(folder));

        session.Rename(folder, Path.Combine(_root, "c"));
        Assert.False(session.Exists(folder));
        Assert.True(session.Exists(Path.Combine(_root, "c", "x.txt")));
        session.Delete(Path.Combine(_root, "c"));
        session.Delete(Path.Combine(_root, "c"));
        Assert.False(session.Exists(Path.Combine(_root, "c")));
    }
}
