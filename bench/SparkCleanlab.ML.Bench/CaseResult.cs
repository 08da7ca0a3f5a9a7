namespace SparkCleanlab.ML.Bench;

/// <summary>One case at one seed: held-out accuracies against the true labels and how well the issues found match the real errors.</summary>
/// <param name="Case">The golden case's folder name.</param>
/// <param name="Seed">The seed of the split, the folds, the models and any drawn noise.</param>
/// <param name="Rows">Rows of the whole case.</param>
/// <param name="ClassCount">K.</param>
/// <param name="Noise">Fraction of training rows whose given label is not the true label.</param>
/// <param name="NoisyAccuracy">The trainer fitted on the noisy labels.</param>
/// <param name="CleanAccuracy">CleanLearning with the same trainer.</param>
/// <param name="TrueLabelAccuracy">The trainer fitted on the true labels: what cleaning at best could recover.</param>
/// <param name="Flagged">Training rows flagged as label issues.</param>
/// <param name="Precision">Fraction of the flagged rows that are real errors.</param>
/// <param name="Recall">Fraction of the real errors that were flagged.</param>
/// <param name="Seconds">The noisy-label fit and CleanLearning, wall clock.</param>
internal sealed record CaseResult(
    string Case, int Seed, int Rows, int ClassCount, double Noise, double NoisyAccuracy, double CleanAccuracy, double TrueLabelAccuracy, int Flagged, double Precision, double Recall, double Seconds)
{
    public double Change => CleanAccuracy - NoisyAccuracy;
}
