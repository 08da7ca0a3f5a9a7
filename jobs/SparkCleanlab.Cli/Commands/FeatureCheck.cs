using System.Globalization;
using SparkCleanlab.ML.Parquet;
using SparkCleanlab.Plan;

namespace SparkCleanlab.Cli.Commands;

/// <summary>What every training command says and checks about its features before it trains.</summary>
internal static class FeatureCheck
{
    /// <summary>Writes the feature columns and the label-like columns left out, then refuses a feature that copies the label.</summary>
    /// <exception cref="UsageException">A feature equals the label on at least <see cref="LabelCopies.Threshold"/> of the rows.</exception>
    public static async Task RunAsync(FeatureData data, string labelColumn, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(output);
        await output.WriteLineAsync($"Feature columns: {string.Join(", ", data.Table.Columns.Select(c => c.Name))}");
        if (data.SkippedLabelLikeColumns.Count > 0)
        {
            await output.WriteLineAsync(
                $"Not used as features, named like a label: {string.Join(", ", data.SkippedLabelLikeColumns)} (name them in --features to use them)");
        }

        // A feature that repeats the label lets the model predict every given label, right or wrong, so nothing is flagged.
        if (LabelCopies.Find(data) is { } copy)
        {
            string share = (copy.Share * 100).ToString("F1", CultureInfo.InvariantCulture) + "%";
            throw new UsageException(
                $"Feature column '{copy.Column}' equals the label ('{labelColumn}') on {share} of the rows: a model trained on it repeats the given labels and finds no issues. "
                + "Leave it out: name the feature columns with --features.");
        }
    }
}
