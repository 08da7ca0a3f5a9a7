using SparkCleanlab.Core.MultiLabel;

namespace SparkCleanlab.Plan.Execution.MultiLabel;

/// <summary>Everything the flag pass needs: the estimates, the options, the resolved selection and the classes.</summary>
/// <param name="Estimates">Each class's binary estimates.</param>
/// <param name="Options">The multi-label parameters.</param>
/// <param name="Selection">The resolved selection plans with every cutoff.</param>
/// <param name="Input">K and the class names.</param>
/// <param name="Method">The <c>method</c> column's value.</param>
internal sealed record MultiLabelFlagRule(MultiLabelEstimates Estimates, MultiLabelOptions Options, MultiLabelSelectionPlan Selection, SettledInput Input, string Method)
{
    /// <summary>A flagger for one worker: the per-row rule over the resolved plans.</summary>
    public MultiLabelIssueFlagger CreateFlagger() => new(Estimates, Options, Selection);
}
