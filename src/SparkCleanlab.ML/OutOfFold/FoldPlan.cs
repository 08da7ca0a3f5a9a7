namespace SparkCleanlab.ML.OutOfFold;

/// <summary>
/// One fold's rows. When a class has fewer rows than there are folds, some training sets lack
/// it; like the reference, one held-out row of that class is then also trained on (so the
/// trainer knows the class), and that row is given the dummy prediction "its label, with
/// certainty" instead of a prediction from a model that saw it.
/// </summary>
/// <param name="Fold">The fold index.</param>
/// <param name="TrainingRows">Rows the fold's model trains on, including any borrowed rows.</param>
/// <param name="HoldoutRows">Rows the fold's model predicts.</param>
/// <param name="BorrowedRows">Held-out rows also trained on; their predictions are replaced.</param>
internal sealed record FoldPlan(int Fold, int[] TrainingRows, int[] HoldoutRows, int[] BorrowedRows)
{
    public static FoldPlan[] Build(ReadOnlySpan<int> labels, int classCount, int[] foldOfRow, int foldCount)
    {
        var plans = new FoldPlan[foldCount];
        for (int fold = 0; fold < foldCount; fold++)
        {
            var training = new List<int>();
            var holdout = new List<int>();
            var trainedClasses = new bool[classCount];
            for (int row = 0; row < foldOfRow.Length; row++)
            {
                if (foldOfRow[row] == fold)
                {
                    holdout.Add(row);
                }
                else
                {
                    training.Add(row);
                    trainedClasses[labels[row]] = true;
                }
            }

            var borrowed = new List<int>();
            foreach (int row in holdout)
            {
                if (!trainedClasses[labels[row]])
                {
                    trainedClasses[labels[row]] = true;
                    borrowed.Add(row);
                }
            }

            training.AddRange(borrowed);
            plans[fold] = new FoldPlan(fold, training.ToArray(), holdout.ToArray(), borrowed.ToArray());
        }

        return plans;
    }
}
