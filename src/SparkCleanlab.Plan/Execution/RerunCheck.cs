using System.Text.Json;

namespace SparkCleanlab.Plan.Execution;

/// <summary>
/// <c>--if-changed</c>: whether a request would answer exactly what the published output already
/// holds — the same input fingerprint and the same answer-changing settings in its summary.json.
/// </summary>
internal static class RerunCheck
{
    /// <summary>True when the published output came from the same input files and settings; opens the input's metadata only.</summary>
    public static async Task<bool> IsUnchangedAsync(IRunExecutor executor, FindIssuesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(executor);
        ArgumentNullException.ThrowIfNull(request);
        if (await executor.ReadPublishedAsync(OutputLayout.Summary, cancellationToken) is not { } published)
        {
            return false;
        }

        await executor.OpenAsync(cancellationToken);
        if (executor.Facts.Fingerprint is not { } fingerprint)
        {
            return false;
        }

        using var summary = JsonDocument.Parse(published);
        var root = summary.RootElement;
        return root.TryGetProperty("input", out var input) && input.TryGetProperty("hash", out var hash) && hash.GetString() == fingerprint.Hash
            && root.TryGetProperty("request_hash", out var settings) && settings.GetString() == RequestFingerprint.Of(request);
    }
}
