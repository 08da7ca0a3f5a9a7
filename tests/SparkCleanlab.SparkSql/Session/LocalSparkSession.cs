using System.Text;
using SparkCleanlab.Plan;

namespace SparkCleanlab.SparkSql;

/// <summary>
/// A Spark session over the local file system for tests: reads Parquet as Spark does (hidden
/// files skipped, Hive partition folders discovered, <c>_metadata</c> available), makes small
/// frames, and performs the commit's file operations. <see cref="SparkSettings"/> choose the
/// partitioning, so the same plan can run over several layouts.
/// </summary>
public sealed class LocalSparkSession(SparkSettings settings) : ISparkSessionApi
{
    private readonly Random _random = new(settings.Seed);

    /// <summary>The partitioning settings.</summary>
    public SparkSettings Settings => settings;

    /// <inheritdoc/>
    public IFrame ReadParquet(IReadOnlyList<string> paths)
    {
        var (columns, files) = ParquetInput.Read(paths.Select(LocalPaths.ToLocal).ToList());
        var partitions = new List<List<object?[]>>();
        foreach (var rows in files)
        {
            var cuts = Enumerable.Range(0, _random.Next(settings.InputSplits)).Select(_ => _random.Next(rows.Count + 1)).Append(0).Append(rows.Count).Distinct().Order().ToList();
            for (var i = 0; i + 1 < cuts.Count; i++)
            {
                partitions.Add(rows.GetRange(cuts[i], cuts[i + 1] - cuts[i]));
            }
        }

        return new LocalFrame(columns, partitions.Where(p => p.Count > 0).ToList(), this);
    }

    /// <inheritdoc/>
    public IFrame CreateFrame(IReadOnlyList<FrameField> schema, IReadOnlyList<object?[]> rows)
    {
        var columns = schema.Select(f => new ColumnInfo(f.Name, SqlType.Parse(f.Type))).ToList();
        var converted = rows.Select(r => r.Select((v, i) => ExternalValues.ToInternal(v, columns[i].Type)).ToArray()).ToList();
        var partitions = new List<List<object?[]>>();
        var start = 0;
        while (start < converted.Count)
        {
            var length = _random.Next(1, Math.Max(2, (converted.Count / Math.Max(1, settings.InputSplits)) + 2));
            partitions.Add(converted.GetRange(start, Math.Min(length, converted.Count - start)));
            start += length;
        }

        return new LocalFrame(columns, partitions, this);
    }

    /// <inheritdoc/>
    public bool Exists(string path) => File.Exists(LocalPaths.ToLocal(path)) || Directory.Exists(LocalPaths.ToLocal(path));

    /// <inheritdoc/>
    public void Delete(string path)
    {
        var local = LocalPaths.ToLocal(path);
        if (Directory.Exists(local))
        {
            Directory.Delete(local, recursive: true);
        }
        else if (File.Exists(local))
        {
            File.Delete(local);
        }
    }

    /// <inheritdoc/>
    public void Rename(string from, string to)
    {
        var (source, target) = (LocalPaths.ToLocal(from), LocalPaths.ToLocal(to));
        if (Directory.Exists(source))
        {
            Directory.Move(source, target);
        }
        else
        {
            File.Move(source, target);
        }
    }

    /// <inheritdoc/>
    public void WriteText(string path, string text)
    {
        var local = LocalPaths.ToLocal(path);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(local))!);
        File.WriteAllText(local, text, new UTF8Encoding(false));
    }

    /// <inheritdoc/>
    public bool TryCreateText(string path, string text)
    {
        var local = LocalPaths.ToLocal(path);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(local))!);
        try
        {
            using var stream = new FileStream(local, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
            stream.Write(new UTF8Encoding(false).GetBytes(text));
            return true;
        }
        catch (IOException) when (File.Exists(local))
        {
            return false;
        }
    }

    /// <inheritdoc/>
    public string? ReadText(string path) => File.Exists(LocalPaths.ToLocal(path)) ? File.ReadAllText(LocalPaths.ToLocal(path), Encoding.UTF8) : null;

    /// <inheritdoc/>
    public InputFile Status(string path)
    {
        var info = new FileInfo(LocalPaths.ToLocal(path));
        return new InputFile(path, info.Length, info.LastWriteTimeUtc);
    }

    /// <inheritdoc/>
    public IReadOnlyList<string> List(string path)
    {
        var local = LocalPaths.ToLocal(path);
        return Directory.Exists(local) ? Directory.EnumerateFileSystemEntries(local).Order(StringComparer.Ordinal).ToList() : [];
    }

    internal Random NextRandom() => new(_random.Next());
}
