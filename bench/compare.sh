#!/usr/bin/env bash
# Side by side: one data set, find-issues at several thread counts and, when cleanlab imports, the reference;
# one table of wall time, per-stage seconds (summary.json) and peak RSS (/usr/bin/time -v) per process.
#
#   bench/compare.sh [--rows N] [--classes K] [--float32] [--format npy|parquet] [--row-groups G] [--files F]
#                    [--threads "1 2 16"] [--repeat N] [--data PATH] [--job DLL] [--work DIR] [--python EXE]
#                    [-- extra find-issues options]
#
# --data reuses an existing data set instead of generating one; --job runs another build of the job (A/B);
# --python is the interpreter that imports cleanlab for the reference row (default python3; PYTHONPATH is honoured);
# --repeat runs every thread count N times, interleaved (1, 2, 16, 1, 2, 16, ...); the table shows the median of
# each column and, in brackets, each stage's ratio to the first thread count's, for machines whose speed drifts.
set -euo pipefail

rows=1000000 classes=10 float32="" format=npy row_groups=1 files=1 threads="1 2 16" repeat=1 data="" job="" work="" python=python3
while [[ $# -gt 0 ]]; do
    case "$1" in
        --rows) rows=$2; shift 2 ;;
        --classes) classes=$2; shift 2 ;;
        --float32) float32=--float32; shift ;;
        --format) format=$2; shift 2 ;;
        --row-groups) row_groups=$2; shift 2 ;;
        --files) files=$2; shift 2 ;;
        --threads) threads=$2; shift 2 ;;
        --repeat) repeat=$2; shift 2 ;;
        --data) data=$2; shift 2 ;;
        --job) job=$2; shift 2 ;;
        --work) work=$2; shift 2 ;;
        --python) python=$2; shift 2 ;;
        --) shift; break ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
extra=("$@")
if ! [[ "$repeat" =~ ^[1-9][0-9]*$ ]]; then
    echo "--repeat takes a positive whole number, not '$repeat'" >&2
    exit 2
fi

root=$(cd "$(dirname "$0")/.." && pwd)
if [[ -z "$job" ]]; then
    dotnet build -c Release "$root/jobs/SparkCleanlab.Cli" -v quiet -nologo >/dev/null
    job="$root/jobs/SparkCleanlab.Cli/bin/Release/net10.0/sparkcleanlab.dll"
fi
work=${work:-$(mktemp -d)}
mkdir -p "$work"
if [[ -z "$data" ]]; then
    data="$work/data"
    args=(--rows "$rows" --classes "$classes" --format "$format" --overwrite --output "$data")
    [[ "$format" == parquet ]] && args+=(--row-groups "$row_groups" --files "$files")
    [[ -n "$float32" ]] && args+=("$float32")
    dotnet "$job" generate "${args[@]}"
fi

results="$work/results.tsv"
: >"$results"

# Every run, the reference's too, starts with the data in the page cache, not only the ones after the first
# (a glob given as --data is left to the first run).
if [[ -e "$data" ]]; then
    find "$data" -type f -exec cat {} + >/dev/null
fi

# Runs one command under /usr/bin/time -v; appends "name wall rss_mib summary.json-or-empty".
measure() {
    local name=$1 run=$2 summary=$3; shift 3
    local log="$work/$run.time"
    if /usr/bin/time -v "$@" >"$work/$run.out" 2>"$log"; then
        local wall rss
        wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$log")
        rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$log")
        printf '%s\t%s\t%s\t%s\n' "$name" "$wall" "$rss" "$summary" >>"$results"
    else
        echo "$run failed; see $log and $work/$run.out" >&2
        head -3 "$log" >&2
    fi
}

for ((r = 1; r <= repeat; r++)); do
    for t in $threads; do
        out="$work/out-t$t-r$r"
        measure "threads=$t" "threads=$t-r$r" "$out.summary.json" dotnet "$job" find-issues "$data" --output "$out" --overwrite --no-progress --threads "$t" "${extra[@]}"
        # Only the summary is kept: outputs of every run of a large data set would fill the disk.
        if [[ -f "$out/summary.json" ]]; then
            cp "$out/summary.json" "$out.summary.json"
        fi
        rm -rf "$out"
    done
done

if "$python" -c "import cleanlab, numpy" 2>/dev/null; then
    if [[ -f "$data/labels.npy" ]]; then
        measure reference reference "" "$python" -c "import numpy as np; from cleanlab.filter import find_label_issues; l = np.load('$data/labels.npy'); p = np.load('$data/pred_probs.npy'); print(find_label_issues(l, p).sum())"
    elif "$python" -c "import pandas, pyarrow" 2>/dev/null; then
        measure reference reference "" "$python" -c "import numpy as np, pandas as pd; from cleanlab.filter import find_label_issues; d = pd.read_parquet('$data'); print(find_label_issues(d['label'].to_numpy(), np.stack(d['pred_probs'].to_numpy())).sum())"
    else
        echo "reference skipped: Parquet input needs pandas and pyarrow" >&2
    fi
else
    echo "reference skipped: $python cannot import cleanlab and numpy" >&2
fi

python3 - "$results" <<'EOF'
import json, statistics, sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1]) if line.strip()]
runs, stages = {}, []
for name, wall, rss, summary in rows:
    timings = json.load(open(summary)).get("timings_seconds", {}) if summary else {}
    stages += [s for s in timings if s not in stages]
    runs.setdefault(name, []).append((float(wall), float(rss), timings))
median = statistics.median
table = {}
for name, measured in runs.items():
    table[name] = (median(w for w, _, _ in measured), median(r for _, r, _ in measured),
                   {s: median(t[s] for _, _, t in measured if s in t) for s in stages if any(s in t for _, _, t in measured)})
if not table:
    sys.exit("no run succeeded")
base = next(iter(table))
print(f"(stage ratios, in brackets, are to {base})")
header = ["run", "runs", "wall s", "peak RSS MiB"] + stages
print("| " + " | ".join(header) + " |")
print("|" + "---|" * len(header))
for name, (wall, rss, timings) in table.items():
    def cell(stage):
        if stage not in timings:
            return ""
        first = table[base][2].get(stage, 0)
        ratio = f" ({timings[stage] / first:.2f})" if name != base and first > 0 else ""
        return f"{timings[stage]:.2f}{ratio}"
    print("| " + " | ".join([name, str(len(runs[name])), f"{wall:.2f}", f"{rss:.0f}"] + [cell(s) for s in stages]) + " |")
EOF
