namespace SparkCleanlab.Plan.Reporting;

/// <summary>The settings that change a run's answer, by the reference's names: the <c>parameters</c> of summary.json.</summary>
/// <param name="Method">The reference's <c>filter_by</c>.</param>
/// <param name="RankBy">The reference's <c>rank_by</c>.</param>
/// <param name="FracNoise">The reference's <c>frac_noise</c>.</param>
/// <param name="NumToRemovePerClass">The reference's <c>num_to_remove_per_class</c>, when given.</param>
/// <param name="MinExamplesPerClass">The reference's <c>min_examples_per_class</c>.</param>
/// <param name="AdjustPredProbs">Whether ranking adjusts probabilities by the thresholds.</param>
/// <param name="InvalidRows">What happens to invalid rows: <c>fail</c> or <c>quarantine</c>.</param>
/// <param name="SumTolerance">How far a probability row may sum from one.</param>
/// <param name="Threads">Worker threads, when the engine sets them.</param>
internal sealed record RunParameters(
    string Method,
    string RankBy,
    double FracNoise,
    IReadOnlyList<long>? NumToRemovePerClass,
    int MinExamplesPerClass,
    bool AdjustPredProbs,
    string InvalidRows,
    double SumTolerance,
    int? Threads)
{
    /// <summary>The parameters of <paramref name="request"/>.</summary>
    public static RunParameters Of(FindIssuesRequest request, int? threads)
    {
        ArgumentNullException.ThrowIfNull(request);
        var issues = request.Issues;
        return new RunParameters(
            issues.Method.ReferenceName(),
            issues.RankBy.ReferenceName(),
            issues.FracNoise,
            issues.NumToRemovePerClass,
            issues.MinExamplesPerClass,
            issues.AdjustPredProbs,
            request.InvalidRows.ReferenceName(),
            request.SumTolerance,
            threads);
    }
}
