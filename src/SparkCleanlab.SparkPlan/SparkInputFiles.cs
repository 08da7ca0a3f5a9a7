using SparkCleanlab.Plan;
using SparkCleanlab.Plan.Reporting;

namespace SparkCleanlab.SparkPlan;

/// <summary>
/// The input's files in the local engine's order: the inputs in the order given, then each
/// input's files by decoded path. Their ordinals number the row positions, so both engines break
/// ties alike; their statuses make the input's fingerprint. Listed once: it takes a pass over
/// the files' metadata.
/// </summary>
internal sealed class SparkInputFiles(ISparkSessionApi session, IReadOnlyList<string> inputs, Func<IReadOnlyList<string>> list)
{
    private IReadOnlyList<(string Uri, string Path)>? _files;

    /// <summary>The files, as Spark names them and as decoded paths.</summary>
    public IReadOnlyList<(string Uri, string Path)> Ordered()
    {
        if (_files is null)
        {
            var roots = inputs
                .Select(i => SparkPaths.Decode(i).TrimEnd('/'))
                .Select(i => i.Contains("://", StringComparison.Ordinal) ? i : Path.GetFullPath(i))
                .ToList();
            int InputOf(string path) => Math.Max(0, roots.FindIndex(i => path == i || path.StartsWith(i + "/", StringComparison.Ordinal)));
            _files = list()
                .Select(f => (Uri: f, Path: SparkPaths.Decode(f)))
                .OrderBy(f => InputOf(f.Path))
                .ThenBy(f => f.Path, StringComparer.Ordinal)
                .ToList();
        }

        return _files;
    }

    /// <summary>The table of file ordinals for <see cref="ProjectedInput.Project"/>.</summary>
    public IFrame Ordinals() =>
        session.CreateFrame([new FrameField(Columns.File, "string"), new FrameField(ProjectedInput.OrdinalColumn, "int")], Ordered().Select((f, i) => new object?[] { f.Uri, i }).ToList());

    /// <summary>The fingerprint of the files read, with <paramref name="rows"/> rows.</summary>
    public InputFingerprint Fingerprint(long rows) => InputFingerprint.Of(Ordered().Select(f => session.Status(f.Uri)).ToArray(), rows);

    /// <summary>Every position is below this: files * 2^32.</summary>
    public long PositionLimit => Math.Max(Ordered().Count, 1) * 4294967296L;
}
