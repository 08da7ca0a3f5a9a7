using SparkCleanlab.Plan;
using SparkCleanlab.Plan.Reporting;

namespace SparkCleanlab.SparkPlan.Explain;

/// <summary>
/// A session that starts no Spark: reading the input gives a frame with the schema
/// <see cref="ExplainInput"/> found, collects answer with <see cref="PlaceholderResults"/>, and
/// the file operations act on an in-memory file system that starts empty (the output and any
/// lock taken as absent), so the commit runs its real sequence of calls without touching a disk.
/// </summary>
internal sealed class PlaceholderSession : ISparkSessionApi
{
    private readonly ExplainInput _input;
    private readonly PlaceholderResults _results;
    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, string> _files = new(StringComparer.Ordinal);

    /// <summary>A session over <paramref name="input"/> whose stage results describe <paramref name="classCount"/> classes.</summary>
    public PlaceholderSession(ExplainInput input, int classCount)
    {
        ArgumentNullException.ThrowIfNull(input);
        _input = input;
        _results = new PlaceholderResults(classCount, input.FirstListLength, input.FileUris);
    }

    /// <inheritdoc/>
    public IFrame ReadParquet(IReadOnlyList<string> paths) => new PlaceholderFrame(_results, _input.Schema);

    /// <inheritdoc/>
    public IFrame CreateFrame(IReadOnlyList<FrameField> schema, IReadOnlyList<object?[]> rows)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(rows);
        _results.SeeTable(schema, rows);
        return new PlaceholderFrame(_results, schema);
    }

    /// <inheritdoc/>
    public bool Exists(string path)
    {
        lock (_gate)
        {
            return _files.ContainsKey(path) || _files.Keys.Any(f => f.StartsWith(path + "/", StringComparison.Ordinal));
        }
    }

    /// <inheritdoc/>
    public void Delete(string path)
    {
        lock (_gate)
        {
            foreach (var file in Under(path))
            {
                _files.Remove(file);
            }
        }
    }

    /// <inheritdoc/>
    public void Rename(string from, string to)
    {
        lock (_gate)
        {
            var moved = Under(from);
            if (moved.Count == 0)
            {
                throw new IOException($"Could not rename {from} to {to}.");
            }

            foreach (var file in moved)
            {
                _files[to + file[from.Length..]] = _files[file];
                _files.Remove(file);
            }
        }
    }

    /// <inheritdoc/>
    public void WriteText(string path, string text)
    {
        lock (_gate)
        {
            _files[path] = text;
        }
    }

    /// <inheritdoc/>
    public bool TryCreateText(string path, string text)
    {
        lock (_gate)
        {
            return _files.TryAdd(path, text);
        }
    }

    /// <inheritdoc/>
    public string? ReadText(string path)
    {
        lock (_gate)
        {
            return _files.GetValueOrDefault(path);
        }
    }

    /// <inheritdoc/>
    public InputFile Status(string path)
    {
        lock (_gate)
        {
            if (_files.TryGetValue(path, out var text))
            {
                return new InputFile(path, text.Length, DateTime.UtcNow);
            }
        }

        return _input.Status(path);
    }

    /// <inheritdoc/>
    public IReadOnlyList<string> List(string path)
    {
        lock (_gate)
        {
            return _files.Keys.Where(f => f.StartsWith(path + "/", StringComparison.Ordinal))
                .Select(f => path + "/" + f[(path.Length + 1)..].Split('/')[0])
                .Distinct(StringComparer.Ordinal)
                .ToList();
        }
    }

    private List<string> Under(string path) =>
        _files.Keys.Where(f => f == path || f.StartsWith(path + "/", StringComparison.Ordinal)).ToList();
}
