namespace SparkCleanlab.SparkSql.Tests;

[Trait("Category", "SparkSql")]
public sealed class SessionFileTests : IDisposable
{
    private readonly TempFolder _root = new();

    public void Dispose() => _root.Dispose();

    [Fact]
    public void File_operations_take_plain_paths_and_file_uris()
    {
        var session = Sql.Session();
        var folder = "file:" + _root.Combine("a b");
        Assert.False(session.Exists(folder));
        Assert.Empty(session.List(folder));
        Assert.Null(session.ReadText($"{folder}/x.txt"));

        session.WriteText($"{folder}/x.txt", "héllo");
        Assert.True(session.Exists(_root.Combine("a b", "x.txt")));
        Assert.Equal("héllo", session.ReadText($"{folder}/x.txt"));
        Assert.Equal([_root.Combine("a b", "x.txt")], session.List(folder));

        session.Rename(folder, _root.Combine("c"));
        Assert.False(session.Exists(folder));
        Assert.True(session.Exists(_root.Combine("c", "x.txt")));
        session.Delete(_root.Combine("c"));
        session.Delete(_root.Combine("c"));
        Assert.False(session.Exists(_root.Combine("c")));
    }
}
