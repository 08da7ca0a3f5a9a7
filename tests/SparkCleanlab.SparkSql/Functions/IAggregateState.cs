namespace SparkCleanlab.SparkSql;

/// <summary>The running state of one aggregate over one group.</summary>
internal interface IAggregateState
{
    /// <summary>Adds the row in the context.</summary>
    void Add(RowContext context);

    /// <summary>The aggregate's value over the rows added so far.</summary>
    object? Result();
}
