using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SparkCleanlab.Plan.Reporting;

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
            Parameters = RunParameters.Of(request, threads: null),
            request.Annotated,
        };
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(settings))));
    }
}
