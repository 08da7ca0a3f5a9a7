using Microsoft.ML;
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

        MulticlassTrainer best = candidates[0];
        double bestLoss = double.PositiveInfinity;
        foreach (MulticlassTrainer candidate in candidates)
        {
            double loss = HeldOutLogLoss(ml, candidate, table, rows, plans);
            if (loss < bestLoss)
            {
                (best, bestLoss) = (candidate, loss);
            }
        }

        return best;
    }

    private static double HeldOutLogLoss(
        MLContext ml, MulticlassTrainer candidate, FeatureTable table, TrainingRows rows, FoldPlan[] plans)
    {
        int k = rows.ClassCount;
        double loss = 0;
        foreach (FoldPlan plan in plans)
        {
            int[] training = plan.TrainingRows.Select(position => rows.Rows[position]).ToArray();
            int[] holdout = plan.HoldoutRows.Except(plan.BorrowedRows).Select(position => rows.Rows[position]).ToArray();
            ITransformer model = ModelFitting.FitPlain(ml, candidate, table, rows with { Rows = training });
            double[] probabilities = ProbabilityReader.ReadCompact(model, table, holdout, k);
            for (int position = 0; position < holdout.Length; position++)
            {
                int row = holdout[position];
                double weight = rows.Weights?[row] ?? 1.0;
                loss -= weight * Math.Log(Math.Max(probabilities[position * k + rows.Labels![row]], SmallestProbability));
            }
        }

        return loss;
    }
}
