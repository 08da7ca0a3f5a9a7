using SparkCleanlab.Core.MultiLabel;

namespace SparkCleanlab.Plan.Execution.MultiLabel;

/// <summary>The multi-label reading of a find-issues request.</summary>
internal static class MultiLabelRequest
{
    /// <summary>The multi-label parameters of <paramref name="request"/>, checked against K.</summary>
    /// <exception cref="UsageException">An option does not fit multi-label data or K.</exception>
    public static MultiLabelOptions Options(FindIssuesRequest request, int classCount)
    {
        ArgumentNullException.ThrowIfNull(request);
        var issues = request.Issues;
        var options = new MultiLabelOptions
        {
            Method = issues.Method,
            FracNoise = issues.FracNoise,
            NumToRemovePerClass = issues.NumToRemovePerClass,
            MinExamplesPerClass = issues.MinExamplesPerClass,
            RankBy = issues.RankBy,
            AdjustPredProbs = issues.AdjustPredProbs,
        };
        try
        {
            options.Validate(classCount);
        }
        catch (ArgumentException e)
        {
            var message = e.Message;
            foreach (var name in new[] { "frac_noise", "min_examples_per_class", "adjust_pred_probs", "num_to_remove_per_class" })
            {
                message = message.Replace(name, "--" + name.Replace('_', '-'), StringComparison.Ordinal);
            }

            throw new UsageException(message);
        }

        return options;
    }
}
