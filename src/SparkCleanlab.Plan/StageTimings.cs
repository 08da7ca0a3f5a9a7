using System.Diagnostics;

namespace SparkCleanlab.Plan;

/// <summary>Wall time per stage, in the order the stages ran.</summary>
public sealed class StageTimings
{
    private readonly List<(string Stage, TimeSpan Elapsed)> _stages = [];

    /// <summary>The stages measured so far.</summary>
    public IReadOnlyList<(string Stage, TimeSpan Elapsed)> Stages => _stages;

    /// <summary>Sum of all stages.</summary>
    public TimeSpan Total => TimeSpan.FromTicks(_stages.Sum(s => s.Elapsed.Ticks));

    /// <summary>Records a stage timed elsewhere.</summary>
    public void Add(string name, TimeSpan elapsed) => _stages.Add((name, elapsed));

    /// <summary>Runs <paramref name="stage"/> and records its wall time.</summary>
    public async Task<T> MeasureAsync<T>(string name, Func<Task<T>> stage)
    {
        var clock = Stopwatch.StartNew();
        var result = await stage();
        _stages.Add((name, clock.Elapsed));
        return result;
    }
}
