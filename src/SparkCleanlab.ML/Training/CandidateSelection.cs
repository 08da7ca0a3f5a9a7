using Microsoft.ML;
using Microsoft.ML.Trainers;
using SparkCleanlab.ML.Data;
using SparkCleanlab.ML.OutOfFold;
using SparkCleanlab.ML.Trainers;

namespace SparkCleanlab.ML.Training;

/// <summary>
/// Chooses among a cross-validated trainer's candidates using only the rows of one fit: each
/// candidate is scored by the held-out log loss of the given labels over stratified folds of
/// those rows, so the choice never sees a row the fit itself must not see.
/// </summary>
internal static class CandidateSelection
{
    // Caps -log p at about 34.5, as a probability of exactly 0 for the given label would be infinite.
    private const double SmallestProbability = 1e-15;

    public static MulticlassTrainer Choose(MLContext ml, MulticlassTrainer trainer, FeatureTable table, TrainingRows rows, int seed)
    {
        if (trainer.Candidates is not { } candidates)
        {
            return trainer;
        }

        if (candidates.Count == 1 || rows.Rows.Length < trainer.SelectionFolds)
        {
            return candidates[0];
        }

        int[] labels = rows.Rows.Select(row => rows.Labels![row]).ToArray();
        int[] foldOfPosition = StratifiedFolds.Assign(labels, rows.ClassCount, trainer.SelectionFolds, seed);
        FoldPlan[] plans = FoldPlan.Build(labels, rows.ClassCount, foldOfPosition, trainer.SelectionFolds);

        // Featurise each fold once: every candidate then trains on the same cached features, last
        // candidate first (for the ascending L2 grid, the strongest penalty first), each L-BFGS
        // fit starting where the previous one ended: weak penalties converge slowly from zero.
        var losses = new double[candidates.Count];
        foreach (FoldPlan plan in plans)
        {
            TrainingRows training = rows with { Rows = plan.TrainingRows.Select(position => rows.Rows[position]).ToArray() };
            int[] holdout = plan.HoldoutRows.Except(plan.BorrowedRows).Select(position => rows.Rows[position]).ToArray();
            (ITransformer featurizer, IDataView features) = ModelFitting.Featurize(ml, trainer.StandardizeFeatures, table, training);
            MaximumEntropyModelParameters? previous = null;
            for (int c = candidates.Count - 1; c >= 0; c--)
            {
                (ITransformer model, previous) = ModelFitting.FitOnFeatures(ml, candidates[c], featurizer, features, training, previous);
                losses[c] += HeldOutLogLoss(ProbabilityReader.ReadCompact(model, table, holdout, rows.ClassCount), holdout, rows);
            }
        }

        int best = 0;
        for (int c = 1; c < candidates.Count; c++)
        {
            best = losses[c] < losses[best] ? c : best;
        }

        return candidates[best];
    }

    private static double HeldOutLogLoss(double[] probabilities, int[] holdout, TrainingRows rows)
    {
        int k = rows.ClassCount;
        double loss = 0;
        for (int position = 0; position < holdout.Length; position++)
        {
            int row = holdout[position];
            double weight = rows.Weights?[row] ?? 1.0;
            loss -= weight * Math.Log(Math.Max(probabilities[position * k + rows.Labels![row]], SmallestProbability));
        }

        return loss;
    }
}
