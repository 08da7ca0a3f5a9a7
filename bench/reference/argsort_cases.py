"""Writes the order numpy's default argsort and pandas' sort_values give for tie-heavy keys.

The C# NumpyArgsort must reproduce both exactly (tests/SparkCleanlab.Core.Tests/NumpyArgsortTests.cs
reads this file): the reference breaks ties in its small driver-side sorts that way.

usage: python3 argsort_cases.py OUTPUT_JSON   (numpy 1.24 and pandas 1.5, as the golden cases)
"""

import json
import sys

import numpy as np
import pandas as pd


def median_of_three_killer(n):
    """Keys that drive numpy's quicksort past its depth limit into heapsort.

    McIlroy's adversary: numpy sorts objects whose comparisons fix each key's value only when
    the sort first needs it, always in the way that makes the partition worst.
    """
    unset = n
    values = [unset] * n
    state = {"next": 0, "candidate": 0}

    class Key:
        def __init__(self, index):
            self.index = index

        def __lt__(self, other):
            x, y = self.index, other.index
            if values[x] == unset and values[y] == unset:
                fixed = x if x == state["candidate"] else y
                values[fixed] = state["next"]
                state["next"] += 1
            if values[x] == unset:
                state["candidate"] = x
            elif values[y] == unset:
                state["candidate"] = y
            return values[x] < values[y]

    keys = np.empty(n, dtype=object)
    keys[:] = [Key(i) for i in range(n)]
    np.argsort(keys)
    return values


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
    # The heapsort path, with distinct keys and with every key shared by two.
    for length in (64, 200, 333):
        killer = median_of_three_killer(length)
        for keys in ([float(k) for k in killer], [float(k // 2) for k in killer]):
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
