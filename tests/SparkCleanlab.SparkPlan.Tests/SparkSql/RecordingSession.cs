using SparkCleanlab.Plan;

namespace SparkCleanlab.SparkPlan.Tests.SparkSql;

/// <summary>
/// Wraps a session and its frames to record every SQL text the plan sends, grouped into stages
/// (the operations up to and including an action: collect, count, write).
/// </summary>
public sealed class RecordingSession(ISparkSessionApi inner) : ISparkSessionApi
{
    private readonly List<List<string>> _stages = [[]];

    /// <summary>Every stage's SQL texts, in order.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Stages => _stages;

    public IFrame ReadParquet(IReadOnlyList<string> paths) => new Frame(this, inner.ReadParquet(paths));

    public IFrame CreateFrame(IReadOnlyList<FrameField> schema, IReadOnlyList<object?[]> rows) => new Frame(this, inner.CreateFrame(schema, rows));

    public bool Exists(string path) => inner.Exists(path);

    public void Delete(string path) => inner.Delete(path);

    public void Rename(string from, string to) => inner.Rename(from, to);

    public void WriteText(string path, string text) => inner.WriteText(path, text);

    public string? ReadText(string path) => inner.ReadText(path);

    public IReadOnlyList<string> List(string path) => inner.List(path);

    public global::SparkCleanlab.Plan.InputFile Status(string path) => inner.Status(path);

    private void Record(IEnumerable<string> texts) => _stages[^1].AddRange(texts);

    private void EndStage() => _stages.Add([]);

    private sealed class Frame(RecordingSession session, IFrame inner) : IFrame
    {
        public IReadOnlyList<FrameField> Schema => inner.Schema;

        public IFrame SelectExpr(params string[] expressions) => Wrap(expressions, inner.SelectExpr(expressions));

        public IFrame Filter(string condition) => Wrap([condition], inner.Filter(condition));

        public IFrame GroupByAgg(IReadOnlyList<string> keys, IReadOnlyList<string> aggregations) => Wrap([.. keys, .. aggregations], inner.GroupByAgg(keys, aggregations));

        public IFrame Join(IFrame right, IReadOnlyList<string> on, bool broadcastRight) => Wrap(on, inner.Join(((Frame)right).Inner, on, broadcastRight));

        public IFrame OrderBy(params string[] sortExpressions) => Wrap(sortExpressions, inner.OrderBy(sortExpressions));

        public IFrame Distinct() => new Frame(session, inner.Distinct());

        public IFrame Persist() => new Frame(session, inner.Persist());

        public IReadOnlyList<FrameRow> Collect()
        {
            session.EndStage();
            return inner.Collect();
        }

        public long Count()
        {
            session.EndStage();
            return inner.Count();
        }

        public void WriteParquet(string path)
        {
            session.EndStage();
            inner.WriteParquet(path);
        }

        private IFrame Inner => inner;

        private Frame Wrap(IEnumerable<string> texts, IFrame result)
        {
            session.Record(texts);
            return new Frame(session, result);
        }
    }
}
