"""Writes the order numpy's default argsort and pandas' sort_values give for tie-heavy keys.

The C# NumpyArgsort must reproduce both exactly (tests/SparkCleanlab.Core.Tests/NumpyArgsortTests.cs
reads this file): the reference breaks ties in its small driver-side sorts that way.

usage: python3 argsort_cases.py OUTPUT_JSON   (numpy 1.24 and pandas 1.5, as the golden cases)
"""

import json
import sys

import numpy as np
import pandas as pd


def main():
    rng = np.random.default_rng(1724)
    cases = []
    for length in list(range(1, 40)) + [50, 64, 100, 128, 129, 200, 333]:
        distinct = int(rng.integers(1, 12))
        keys = (rng.integers(0, distinct, size=length) / 7).tolist()
        frame = pd.DataFrame({"row": np.arange(length), "key": keys})
        cases.append({
            "keys": keys,
            "ascending": np.argsort(np.asarray(keys)).tolist(),
            "pandas_descending": frame.sort_values(by="key", ascending=False)["row"].tolist(),
        })
    with open(sys.argv[1], "w") as out:
        json.dump({"numpy": np.__version__, "pandas": pd.__version__, "cases": cases}, out)


if __name__ == "__main__":
    main()
