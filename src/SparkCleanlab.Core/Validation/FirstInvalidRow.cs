namespace SparkCleanlab.Core.Validation;

/// <summary>
/// Keeps the invalid row with the lowest position seen by any worker, so a pass that validates
/// as it aggregates reports the same row whatever the thread timing.
/// </summary>
internal sealed class FirstInvalidRow
{
    private readonly object _gate = new();
    private InvalidInputException? _first;

    /// <summary>Runs <paramref name="step"/> on <paramref name="batch"/>; an invalid row it throws is kept when it is the earliest so far.</summary>
    public void Guard<TBatch>(TBatch batch, Action<TBatch> step)
        where TBatch : allows ref struct
    {
        try
        {
            step(batch);
        }
        catch (InvalidInputException e)
        {
            lock (_gate)
            {
                if (_first is null || e.Row < _first.Row)
                {
                    _first = e;
                }
            }
        }
    }

    /// <summary>Throws the earliest invalid row, if there was one.</summary>
    public void ThrowIfAny()
    {
        if (_first is not null)
        {
            throw _first;
        }
    }
}
