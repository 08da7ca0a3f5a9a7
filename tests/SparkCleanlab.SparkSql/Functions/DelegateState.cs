namespace SparkCleanlab.SparkSql;

/// <summary>An aggregate state made of two closures over captured locals.</summary>
internal sealed class DelegateState(Action<RowContext> add, Func<object?> result) : IAggregateState
{
    public void Add(RowContext context) => add(context);

    public object? Result() => result();
}
