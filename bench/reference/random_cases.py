"""Random inputs for parity checks: data.csv files in the golden cases' format.

Each case draws true labels, out-of-fold-like probabilities with a chosen signal strength, and
noisy labels, with a shape that varies from case to case: 2 to 12 classes, 20 to 3000 rows,
balanced or skewed classes, a class that is never given, a class with only a handful of rows,
and probabilities that are confident, diffuse or nearly uniform. golden_case.py then asks the
reference for its answers, and parity_check.sh runs the C# golden tests on them.

usage: python3 random_cases.py OUTPUT_FOLDER [--cases 50] [--seed 0] [--classes 2..12] [--max-rows 3000]
"""

import argparse
import os

import numpy as np


def draw_case(rng, classes, max_rows):
    k = int(rng.integers(classes[0], classes[1] + 1))
    n = int(rng.choice([r for r in (20, 60, 150, 400, 1000, 3000) if r <= max_rows]))
    n = max(n, 2 * k)
    # A missing class needs two others left: the reference refuses labels of a single class.
    skew = rng.choice(["balanced", "skewed", "missing", "tiny"] if k > 2 else ["balanced", "skewed", "tiny"])
    weights = np.ones(k) if skew == "balanced" else rng.dirichlet(np.full(k, 0.7))
    if skew == "missing":
        weights[rng.integers(k)] = 0
    if skew == "tiny":
        weights[rng.integers(k)] = 3.0 / n
    weights = weights / weights.sum()
    true = rng.choice(k, size=n, p=weights)

    # Noisy labels: each row keeps its label with probability 1 - noise, else takes another class;
    # a missing class stays missing so the reference's handling of it is exercised.
    noise = float(rng.uniform(0.0, 0.45))
    given = true.copy()
    flip = rng.random(n) < noise
    present = np.flatnonzero(weights > 0)
    given[flip] = rng.choice(present, size=int(flip.sum()))

    # Probabilities: a softmax of a signal towards the true class plus Gaussian noise.
    signal = float(rng.uniform(0.0, 4.0))
    logits = rng.normal(0.0, 1.0, size=(n, k)) * float(rng.uniform(0.3, 2.0))
    logits[np.arange(n), true] += signal
    probabilities = np.exp(logits - logits.max(axis=1, keepdims=True))
    probabilities /= probabilities.sum(axis=1, keepdims=True)
    note = f"random: K={k}, n={n}, {skew} classes, {flip.mean():.0%} flipped, signal {signal:.2f}"
    return given, probabilities, true, note


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("output")
    parser.add_argument("--cases", type=int, default=50)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--classes", default="2..12", help="the range K is drawn from, e.g. 13..40")
    parser.add_argument("--max-rows", type=int, default=3000)
    args = parser.parse_args()
    classes = [int(end) for end in args.classes.split("..")]
    for case in range(args.cases):
        rng = np.random.default_rng([args.seed, case])
        given, probabilities, true, note = draw_case(rng, classes, args.max_rows)
        while len(np.unique(given)) < 2:
            given, probabilities, true, note = draw_case(rng, classes, args.max_rows)
        folder = os.path.join(args.output, f"random_{args.seed}_{case:03d}")
        os.makedirs(folder, exist_ok=True)
        k = probabilities.shape[1]
        with open(os.path.join(folder, "data.csv"), "w") as out:
            out.write("label," + ",".join(f"p{j}" for j in range(k)) + ",true_label\n")
            for label, row, truth in zip(given, probabilities, true):
                out.write(f"{label}," + ",".join(repr(float(p)) for p in row) + f",{truth}\n")
        with open(os.path.join(folder, "note.txt"), "w") as out:
            out.write(note + "\n")
        print(folder, note)


if __name__ == "__main__":
    main()
