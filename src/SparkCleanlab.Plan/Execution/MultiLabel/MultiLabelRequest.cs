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
        OptionCheck.Run(() => options.Validate(classCount));
        return options;
    }
}
