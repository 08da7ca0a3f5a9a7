"""Write a golden parity case's expected.json from its data.csv, using the reference (cleanlab 2.9.0).

A golden case is a folder holding data.csv (`label,p0..p{K-1}[,true_label]`: the given label and the
out-of-fold predicted probabilities of each row). This script runs cleanlab's own functions on those
inputs and writes FOLDER/expected.json in the layout of the shared cases (see the golden README for
what each key means): the same keys in the same order, indented by one space, no final newline.

Needs cleanlab 2.9.0 on the path, with numpy, scikit-learn and pandas. For example, with Debian's
python (numpy 1.24, scikit-learn 1.2.1, pandas 1.5.3) and cleanlab's source checkout:

    PYTHONPATH=/work/ext/cleanlab/src /usr/bin/python3 bench/reference/golden_case.py FOLDER [--note TEXT]

n_jobs=1 everywhere: find_label_issues splits its work by class, so the number of processes does not
change its result, and one process keeps the run simple and reproducible.

numpy's AVX-512 code paths are switched off (NPY_DISABLE_CPU_FEATURES, unless already set): on a CPU
with AVX-512, numpy 1.24 computes float64 log with its own SIMD routine, which can differ from the C
library's log by one ulp (np.log(3) does). The shared cases were made with the C library's log, and
confidence_weighted_entropy takes two logs, so with AVX-512 on, its scores (and the order of near-tied
rows ranked by it) would differ in the last bit.
"""

import os

# Must be set before numpy is imported: numpy reads it once, at import.
os.environ.setdefault(
    "NPY_DISABLE_CPU_FEATURES",
    "AVX512F AVX512CD AVX512_SKX AVX512_CLX AVX512_CNL AVX512_ICL",
)

import argparse
import csv
import json
import warnings

import numpy as np

import cleanlab
from cleanlab import count, dataset, rank
from cleanlab.filter import find_label_issues
from cleanlab.experimental.label_issues_batched import find_label_issues_batched

PY_METHODS = ["cnt", "eqn", "marginal", "marginal_ps"]
FILTER_METHODS = [
    "prune_by_noise_rate",
    "prune_by_class",
    "both",
    "confident_learning",
    "predicted_neq_given",
    "low_normalized_margin",
    "low_self_confidence",
]
PRUNE_METHODS = ["prune_by_noise_rate", "prune_by_class", "both"]
RANK_METHODS = ["self_confidence", "normalized_margin", "confidence_weighted_entropy"]
# confidence_weighted_entropy does not support adjusted pred_probs in the reference.
ADJUSTED_RANK_METHODS = ["self_confidence", "normalized_margin"]
BATCH_SIZE = 997


def read_case(path):
    """Labels (int array) and pred_probs (n x K float array) from a data.csv.

    The csv module and float() parse each printed double exactly (a fast float parser may not).
    """
    with open(path, newline="") as f:
        rows = csv.reader(f)
        header = next(rows)
        prob_columns = [i for i, name in enumerate(header) if name[:1] == "p" and name[1:].isdigit()]
        label_column = header.index("label")
        labels, pred_probs = [], []
        for row in rows:
            labels.append(int(row[label_column]))
            pred_probs.append([float(row[i]) for i in prob_columns])
    return np.asarray(labels, dtype=np.int64), np.asarray(pred_probs, dtype=np.float64)


def plain(value):
    """Numpy arrays and scalars as plain Python lists, ints and floats, for json."""
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating):
        return float(value)
    return value


def indices(mask):
    """Sorted row indices where a boolean mask is True."""
    return np.flatnonzero(mask).tolist()


def latent(confident_joint, labels, py_method, converge):
    """py, noise matrix and inverse noise matrix, or the reference's error if it fails."""
    try:
        py, noise_matrix, inverse_noise_matrix = count.estimate_latent(
            confident_joint,
            labels,
            py_method=py_method,
            converge_latent_estimates=converge,
        )
    except np.linalg.LinAlgError as e:
        # py_method="eqn" inverts the noise matrix, which is singular when a class is never given.
        return {"error": f"singular matrix: {e}"}
    return {
        "py": plain(py),
        "noise_matrix": plain(noise_matrix),
        "inverse_noise_matrix": plain(inverse_noise_matrix),
    }


def table(frame):
    """A DataFrame as {column: values}, in the reference's row order."""
    return {column: [plain(v) for v in frame[column].to_numpy()] for column in frame.columns}


def expected(labels, pred_probs, note):
    n, k = pred_probs.shape
    out = {"n": n, "K": k, "reference": f"cleanlab {cleanlab.__version__}"}

    out["confident_thresholds"] = plain(count.get_confident_thresholds(labels, pred_probs))
    out["confident_joint"] = plain(
        count.compute_confident_joint(labels, pred_probs, calibrate=False)
    )
    # The calibrated joint is what the reference estimates latent quantities from
    # (estimate_py_and_noise_matrices_from_probabilities, calibrate=True by default).
    calibrated = count.compute_confident_joint(labels, pred_probs, calibrate=True)
    out["confident_joint_calibrated"] = plain(calibrated)
    out["estimate_joint"] = plain(count.estimate_joint(labels, pred_probs))

    for py_method in PY_METHODS:
        out[f"latent_{py_method}"] = latent(calibrated, labels, py_method, converge=False)
    out["latent_cnt_converged"] = latent(calibrated, labels, "cnt", converge=True)

    out["num_label_issues"] = {
        method: plain(count.num_label_issues(labels, pred_probs, estimation_method=method))
        for method in ["off_diagonal", "off_diagonal_calibrated"]
    }

    def find(**kwargs):
        return find_label_issues(labels, pred_probs, n_jobs=1, **kwargs)

    out["label_issues"] = {m: indices(find(filter_by=m)) for m in FILTER_METHODS}
    out["label_issues_frac_noise_0.5"] = {
        m: indices(find(filter_by=m, frac_noise=0.5)) for m in PRUNE_METHODS
    }
    out["label_issues_min_examples_per_class_50"] = {
        m: indices(find(filter_by=m, min_examples_per_class=50)) for m in PRUNE_METHODS
    }
    out["ranked_label_issues"] = {
        m: plain(find(return_indices_ranked_by=m)) for m in RANK_METHODS
    }

    out["label_quality_scores"] = {
        m: plain(rank.get_label_quality_scores(labels, pred_probs, method=m))
        for m in RANK_METHODS
    }
    out["label_quality_scores_adjusted"] = {
        m: plain(
            rank.get_label_quality_scores(labels, pred_probs, method=m, adjust_pred_probs=True)
        )
        for m in ADJUSTED_RANK_METHODS
    }

    # Already sorted by row index: the batched variant returns np.where of its mask.
    out["batched_label_issues"] = plain(
        find_label_issues_batched(
            labels, pred_probs, batch_size=BATCH_SIZE, n_jobs=1, verbose=False
        )
    )

    out["overall_label_health_score"] = plain(
        dataset.overall_label_health_score(labels, pred_probs, verbose=False)
    )
    out["classes_by_label_quality"] = table(
        dataset.rank_classes_by_label_quality(labels, pred_probs)
    )
    out["overlapping_classes"] = table(dataset.find_overlapping_classes(labels, pred_probs))
    out["note"] = note
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", help="case folder: reads data.csv, writes expected.json")
    parser.add_argument("--note", default="", help="short description stored as 'note'")
    args = parser.parse_args()

    labels, pred_probs = read_case(os.path.join(args.folder, "data.csv"))
    with warnings.catch_warnings():
        # The reference warns about inputs it accepts anyway (e.g. a class never given).
        warnings.simplefilter("ignore")
        result = expected(labels, pred_probs, args.note)

    with open(os.path.join(args.folder, "expected.json"), "w") as f:
        # indent=1 and no final newline, as in the shared cases.
        f.write(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
