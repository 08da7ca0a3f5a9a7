using SparkCleanlab.Plan;
using SparkCleanlab.Plan.Execution;

namespace SparkCleanlab.SparkPlan.Explain;

/// <summary>
/// Wraps a session and its frames and records every operation the plan sends, with its SQL,
/// grouped into <see cref="RecordedStage"/>s: the operations up to and including an action
/// (collect, count, write). As the plan's <see cref="IProgress{T}"/> it also knows which step of
/// the plan each stage belongs to; the file operations left at the end of a step make a stage of
/// their own. Wrapping a real session records a run; wrapping <see cref="PlaceholderSession"/>
/// is the explain.
/// </summary>
internal sealed class RecordingSession(ISparkSessionApi inner) : ISparkSessionApi, IProgress<StageProgress>
{
    private readonly Lock _gate = new();
    private readonly List<RecordedStage> _stages = [];
    private List<RecordedOperation> _pending = [];
    private string _planStage = PlanStages.Open;

    /// <summary>Every stage so far, in order, the operations not yet ended by an action last.</summary>
    public IReadOnlyList<RecordedStage> Stages
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count == 0 ? [.. _stages] : [.. _stages, new RecordedStage(_planStage, FileSystemAction, [.. _pending])];
            }
        }
    }

    private const string FileSystemAction = "file system";

    /// <summary>Marks the start of a step of the plan (<see cref="PlanProgress"/> reports it).</summary>
    public void Report(StageProgress value)
    {
        lock (_gate)
        {
            if (value.Stage == _planStage)
            {
                return;
            }

            EndStage(FileSystemAction);
            _planStage = value.Stage;
        }
    }

    /// <inheritdoc/>
    public IFrame ReadParquet(IReadOnlyList<string> paths)
    {
        Record(new RecordedOperation("read.parquet", string.Join(", ", paths), []));
        return new Frame(this, inner.ReadParquet(paths));
    }

    /// <inheritdoc/>
    public IFrame CreateFrame(IReadOnlyList<FrameField> schema, IReadOnlyList<object?[]> rows)
    {
        Record(new RecordedOperation("createDataFrame", $"{rows.Count} rows of ({string.Join(", ", schema.Select(f => $"{f.Name} {f.Type}"))})", []));
        return new Frame(this, inner.CreateFrame(schema, rows));
    }

    /// <inheritdoc/>
    public bool Exists(string path) => OnFileSystem("fs.exists", path, () => inner.Exists(path));

    /// <inheritdoc/>
    public void Delete(string path) => OnFileSystem("fs.delete", path, () => inner.Delete(path));

    /// <inheritdoc/>
    public void Rename(string from, string to) => OnFileSystem("fs.rename", $"{from} -> {to}", () => inner.Rename(from, to));

    /// <inheritdoc/>
    public void WriteText(string path, string text) => OnFileSystem("fs.create(overwrite = true)", $"{path} ({text.Length} characters)", () => inner.WriteText(path, text));

    /// <inheritdoc/>
    public bool TryCreateText(string path, string text) => OnFileSystem("fs.create(overwrite = false)", path, () => inner.TryCreateText(path, text));

    /// <inheritdoc/>
    public string? ReadText(string path) => OnFileSystem("fs.open", path, () => inner.ReadText(path));

    /// <inheritdoc/>
    public InputFile Status(string path) => OnFileSystem("fs.getFileStatus", path, () => inner.Status(path));

    /// <inheritdoc/>
    public IReadOnlyList<string> List(string path) => OnFileSystem("fs.listStatus", path, () => inner.List(path));

    private void OnFileSystem(string name, string detail, Action call) => OnFileSystem(name, detail, () =>
    {
        call();
        return true;
    });

    private T OnFileSystem<T>(string name, string detail, Func<T> call)
    {
        Record(new RecordedOperation(name, detail, [], OnFileSystem: true));
        return call();
    }

    private void Record(RecordedOperation operation)
    {
        lock (_gate)
        {
            _pending.Add(operation);
        }
    }

    private void EndStage(string action)
    {
        lock (_gate)
        {
            if (_pending.Count > 0)
            {
                _stages.Add(new RecordedStage(_planStage, action, _pending));
                _pending = [];
            }
        }
    }

    private sealed class Frame(RecordingSession session, IFrame inner) : IFrame
    {
        public IReadOnlyList<FrameField> Schema => inner.Schema;

        public IFrame SelectExpr(params string[] expressions) => Wrap("selectExpr", "", expressions, inner.SelectExpr(expressions));

        public IFrame Filter(string condition) => Wrap("filter", "", [condition], inner.Filter(condition));

        public IFrame GroupByAgg(IReadOnlyList<string> keys, IReadOnlyList<string> aggregations) =>
            Wrap("groupBy.agg", $"groupBy({string.Join(", ", keys)})", aggregations, inner.GroupByAgg(keys, aggregations));

        public IFrame Join(IFrame right, IReadOnlyList<string> on, bool broadcastRight) =>
            Wrap("join", $"inner join on ({string.Join(", ", on)}){(broadcastRight ? ", right side broadcast" : "")}", [], inner.Join(((Frame)right).Inner, on, broadcastRight));

        public IFrame OrderBy(params string[] sortExpressions) => Wrap("orderBy", "", sortExpressions, inner.OrderBy(sortExpressions));

        public IFrame Distinct() => Wrap("distinct", "", [], inner.Distinct());

        public IFrame Persist() => Wrap("persist", "MEMORY_AND_DISK", [], inner.Persist());

        public IReadOnlyList<FrameRow> Collect()
        {
            Action("collect", "");
            return inner.Collect();
        }

        public long Count()
        {
            Action("count", "");
            return inner.Count();
        }

        public void WriteParquet(string path)
        {
            Action("write.mode(\"error\").parquet", path);
            inner.WriteParquet(path);
        }

        private IFrame Inner => inner;

        private void Action(string name, string detail)
        {
            session.Record(new RecordedOperation(name, detail, []));
            session.EndStage(name);
        }

        private Frame Wrap(string name, string detail, IReadOnlyList<string> expressions, IFrame result)
        {
            session.Record(new RecordedOperation(name, detail, [.. expressions]));
            return new Frame(session, result);
        }
    }
}
