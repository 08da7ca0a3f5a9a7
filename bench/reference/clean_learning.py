"""The reference, cleanlab's CleanLearning with sklearn, on the rows and labels the C# bench used.

The C# bench (bench/SparkCleanlab.ML.Bench) writes each run's split and training labels with
--export DIR; this script fits the same two models the bench compares, on exactly those rows:
sklearn's LogisticRegression on the noisy labels, and cleanlab's CleanLearning wrapping it,
both scored on the held-out rows' true labels. That makes the comparison like for like, seed
by seed, instead of against one published run.

Needs cleanlab 2.9.0, scikit-learn, numpy and pandas (pip install cleanlab==2.9.0).

usage: python3 clean_learning.py GOLDEN_CASE_FOLDER EXPORT_FOLDER [--scaled] [--max-iter N] [--given-pred-probs]
  --given-pred-probs  give CleanLearning the C# run's out-of-fold probabilities instead of its own
                cross-validation, and count the training rows it flags differently from the C# run:
                checks the C# CleanLearner step by step (issues, noise matrix, weights, final fit)
  --scaled      standardise the features first (StandardScaler), as the C# bench's lbfgs does,
                keeping CleanLearning's sample weights (a Pipeline would silently drop them)
  --max-iter N  LogisticRegression's max_iter (sklearn's default, 100, unless given)
"""

import argparse
import glob
import os
import re
import warnings

import numpy as np
import pandas as pd
from cleanlab.classification import CleanLearning
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler


class StandardisedLogisticRegression(LogisticRegression):
    """LogisticRegression on standardised features whose fit still takes sample_weight.

    CleanLearning only passes its per-class weights to a fit() that names sample_weight, which a
    Pipeline's does not, so StandardScaler + LogisticRegression in a Pipeline would train unweighted.
    """

    def fit(self, X, y, sample_weight=None):
        self.scaler_ = StandardScaler().fit(X)
        return super().fit(self.scaler_.transform(X), y, sample_weight)

    def decision_function(self, X):
        return super().decision_function(self.scaler_.transform(X))


def classifier(scaled, max_iter):
    return (StandardisedLogisticRegression if scaled else LogisticRegression)(max_iter=max_iter)


def run(features, split, seed, scaled, max_iter, given_pred_probs):
    x = features.drop(columns=["label", "true_label"]).to_numpy(dtype=float)
    train = (split["split"] == "train").to_numpy()
    x_train, x_test = x[split["row"][train]], x[split["row"][~train]]
    noisy = split["label"][train].to_numpy()
    truth_train = split["true_label"][train].to_numpy()
    truth_test = split["true_label"][~train].to_numpy()

    baseline = classifier(scaled, max_iter).fit(x_train, noisy).score(x_test, truth_test)
    learner = CleanLearning(classifier(scaled, max_iter), seed=seed)
    probability_columns = [c for c in split.columns if re.fullmatch(r"p\d+", c)]
    pred_probs = split[probability_columns][train].to_numpy(dtype=float) if given_pred_probs else None
    learner.fit(x_train, noisy, pred_probs=pred_probs)
    cleaned = learner.score(x_test, truth_test)
    ceiling = classifier(scaled, max_iter).fit(x_train, truth_train).score(x_test, truth_test)

    flagged = learner.label_issues_df["is_label_issue"].to_numpy()
    differently = int((flagged != (split["issue"][train].to_numpy() == 1)).sum()) if given_pred_probs else None
    wrong = noisy != truth_train
    precision = (flagged & wrong).sum() / max(1, flagged.sum())
    recall = (flagged & wrong).sum() / max(1, wrong.sum())
    return dict(seed=seed, noise=wrong.mean(), noisy=baseline, clean=cleaned, ceiling=ceiling,
                flagged=int(flagged.sum()), precision=precision, recall=recall, differently=differently)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("case_folder")
    parser.add_argument("export_folder")
    parser.add_argument("--scaled", action="store_true")
    parser.add_argument("--max-iter", type=int, default=100)
    parser.add_argument("--given-pred-probs", action="store_true")
    args = parser.parse_args()
    warnings.filterwarnings("ignore", category=ConvergenceWarning)

    name = os.path.basename(os.path.normpath(args.case_folder))
    features = pd.read_csv(os.path.join(args.case_folder, "features.csv"))
    files = glob.glob(os.path.join(args.export_folder, f"{name}_seed*.csv"))
    seed_of = lambda path: int(re.search(r"_seed(\d+)\.csv$", path).group(1))
    results = [run(features, pd.read_csv(path), seed_of(path), args.scaled, args.max_iter, args.given_pred_probs) for path in sorted(files, key=seed_of)]
    if not results:
        parser.error(f"no {name}_seed*.csv in {args.export_folder}: run the C# bench with --export first")

    print(f"reference: cleanlab CleanLearning, sklearn LogisticRegression(max_iter={args.max_iter}){' on standardised features' if args.scaled else ''}"
          f"{', given the C# run’s out-of-fold probabilities' if args.given_pred_probs else ''}")
    print("| case | seed | noise, training split | accuracy, noisy labels | accuracy, CleanLearning | change | accuracy, true labels | issues flagged | precision | recall |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in results:
        print(f"| {name} | {r['seed']} | {r['noise']:.1%} | {r['noisy']:.3f} | {r['clean']:.3f} | {r['clean'] - r['noisy']:+.3f} | {r['ceiling']:.3f} | {r['flagged']} | {r['precision']:.3f} | {r['recall']:.3f} |")
    mean = {key: np.mean([r[key] for r in results]) for key in ("noise", "noisy", "clean", "ceiling", "precision", "recall")}
    changes = [r["clean"] - r["noisy"] for r in results]
    print()
    print(f"mean over {len(results)} seeds: {mean['noisy']:.3f} -> {mean['clean']:.3f} ({np.mean(changes):+.3f}, smallest {min(changes):+.3f}), "
          f"true labels {mean['ceiling']:.3f}, precision {mean['precision']:.3f}, recall {mean['recall']:.3f}")
    if args.given_pred_probs:
        same = sum(r["differently"] == 0 for r in results)
        print(f"flagged the same training rows as the C# run in {same} of {len(results)} seeds; "
              f"rows flagged differently: {sum(r['differently'] for r in results)}")


if __name__ == "__main__":
    main()
