namespace SparkCleanlab.Plan.Execution;

/// <summary>What every validating pass reports, whatever statistics it built.</summary>
internal interface IScreened
{
    /// <summary>Rows read.</summary>
    long InputRows { get; }

    /// <summary>The first invalid row in input order, or null when there is none.</summary>
    InvalidRowSample? FirstInvalid { get; }
}
