using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SparkCleanlab.Plan.Execution;

/// <summary>
/// A hash of everything in a request that changes the answer (columns, parameters, invalid-row
/// policy, tolerance, annotated output), but not where the output goes or how the engine runs:
/// with the input's fingerprint it tells a scheduled rerun whether anything changed.
/// </summary>
internal static class RequestFingerprint
{
    /// <summary>The SHA-256 (hex) of the request's answer-changing settings.</summary>
    public static string Of(FindIssuesRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var settings = new
        {
            request.Inputs,
            request.Columns,
            Method = request.Issues.Method.ReferenceName(),
            RankBy = request.Issues.RankBy.ReferenceName(),
            request.Issues.FracNoise,
            request.Issues.NumToRemovePerClass,
            request.Issues.MinExamplesPerClass,
            request.Issues.AdjustPredProbs,
            InvalidRows = request.InvalidRows.ReferenceName(),
            request.SumTolerance,
            request.Annotated,
        };
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(settings))));
    }
}
