using SparkCleanlab.Core.Estimation;
using SparkCleanlab.Core.Filtering;
using SparkCleanlab.Core.Selection;

namespace SparkCleanlab.Plan.Execution;

/// <summary>Everything stage 4 needs to flag a row: the estimates, the options and the resolved selection.</summary>
/// <param name="Estimates">The driver's estimates (thresholds, joint, prune counts).</param>
/// <param name="Options">The confident-learning parameters.</param>
/// <param name="Selection">The resolved selection plan with every group's cutoff.</param>
/// <param name="Input">K and the class names.</param>
/// <param name="Annotated">Also write <c>annotated/</c>.</param>
internal sealed record FlagRule(NoiseEstimates Estimates, LabelIssueOptions Options, SelectionPlan Selection, SettledInput Input, bool Annotated)
{
    /// <summary>The <c>method</c> column's value: the filter method's reference name.</summary>
    public string Method => Options.Method.ReferenceName();
}
