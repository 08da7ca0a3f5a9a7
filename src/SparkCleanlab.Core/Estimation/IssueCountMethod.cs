namespace SparkCleanlab.Core.Estimation;

/// <summary>How the number of label issues is estimated (the reference's num_label_issues estimation_method).</summary>
public enum IssueCountMethod
{
    /// <summary>Off-diagonal rows of the uncalibrated confident joint, less those the given label wins with 1e-6 slack.</summary>
    OffDiagonal,

    /// <summary>n times one minus the trace of the calibrated joint, rounded half to even.</summary>
    OffDiagonalCalibrated,
}
