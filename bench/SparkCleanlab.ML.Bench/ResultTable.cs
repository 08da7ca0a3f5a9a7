using System.Globalization;

namespace SparkCleanlab.ML.Bench;

/// <summary>The bench's Markdown tables: one row per case and seed, and one row per case averaged over the seeds.</summary>
internal static class ResultTable
{
    public const string Header =
        "| case | seed | n | K | noise, training split | accuracy, noisy labels | accuracy, CleanLearning | change | accuracy, true labels | issues flagged | precision | recall | seconds |\n" +
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|";

    public const string MeanHeader =
        "| case | seeds | noise, training split | accuracy, noisy labels | accuracy, CleanLearning | change | smallest change | accuracy, true labels | precision | recall |\n" +
        "|---|---|---|---|---|---|---|---|---|---|";

    public static string Row(CaseResult r) => string.Create(CultureInfo.InvariantCulture,
        $"| {r.Case} | {r.Seed} | {r.Rows} | {r.ClassCount} | {r.Noise:P1} | {r.NoisyAccuracy:F3} | {r.CleanAccuracy:F3} | {Signed(r.Change)} | {r.TrueLabelAccuracy:F3} | {r.Flagged} | {r.Precision:F3} | {r.Recall:F3} | {r.Seconds:F1} |");

    /// <summary>Means over the seeds of one case, plus the smallest change, which shows whether any seed lost accuracy.</summary>
    public static string MeanRow(IReadOnlyList<CaseResult> seeds) => string.Create(CultureInfo.InvariantCulture,
        $"| {seeds[0].Case} | {seeds.Min(r => r.Seed)}..{seeds.Max(r => r.Seed)} | {seeds.Average(r => r.Noise):P1} | {seeds.Average(r => r.NoisyAccuracy):F3} | {seeds.Average(r => r.CleanAccuracy):F3} | " +
        $"{Signed(seeds.Average(r => r.Change))} | {Signed(seeds.Min(r => r.Change))} | {seeds.Average(r => r.TrueLabelAccuracy):F3} | {seeds.Average(r => r.Precision):F3} | {seeds.Average(r => r.Recall):F3} |");

    private static string Signed(double change) => change.ToString("+0.000;-0.000;0.000", CultureInfo.InvariantCulture);
}
