using SparkCleanlab.ML.OutOfFold;

namespace SparkCleanlab.ML.Tests.Support;

/// <summary>Keeps every progress report, in the order they arrived (unlike Progress&lt;T&gt;, which posts them later).</summary>
internal sealed class RecordingProgress : IProgress<TrainingProgress>
{
    private readonly List<TrainingProgress> _reports = [];

    public IReadOnlyList<TrainingProgress> Reports
    {
        get
        {
            lock (_reports)
            {
                return _reports.ToArray();
            }
        }
    }

    public void Report(TrainingProgress value)
    {
        lock (_reports)
        {
            _reports.Add(value);
        }
    }
}
