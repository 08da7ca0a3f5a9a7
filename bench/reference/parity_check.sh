#!/usr/bin/env bash
# Differential parity check against the reference: random inputs (random_cases.py), the
# reference's answers for them (golden_case.py, cleanlab 2.9.0), then the C# golden tests of
# the Core, the local engine and the Spark driver math run on those cases instead of
# tests/data/golden (only the tests that run over every case; the others expect the shipped
# cases' names and sizes). Any failing case is a difference from the reference: copy its folder into
# tests/data/golden to keep it.
#
# usage: bench/reference/parity_check.sh [cases, default 50] [seed, default 0] [folder, default /tmp/sparkcleanlab-parity] [random_cases.py options...]
# needs: python3 with numpy and cleanlab 2.9.0 importable (pip install cleanlab==2.9.0), the .NET SDK.
set -euo pipefail
cases=${1:-50}
seed=${2:-0}
folder=${3:-/tmp/sparkcleanlab-parity}
shift $(( $# < 3 ? $# : 3 ))
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
python=${PYTHON:-python3}

# Only a folder this script made (it leaves a marker) is ever deleted.
if [ -e "$folder" ] && [ ! -e "$folder/.parity-cases" ]; then
    echo "parity_check.sh: '$folder' exists and was not made by this script; name a new folder" >&2
    exit 2
fi
rm -rf "$folder"
mkdir -p "$folder"
touch "$folder/.parity-cases"
"$python" "$here/random_cases.py" "$folder" --cases "$cases" --seed "$seed" "$@" > /dev/null
for case in "$folder"/*/; do
    "$python" "$here/golden_case.py" "$case" --note "$(cat "$case/note.txt")"
done
echo "$cases cases in $folder; running the C# golden tests on them"
failed=0
parity() {
    SPARKCLEANLAB_GOLDEN="$folder" dotnet test "$root/tests/$1" --filter "$2" --logger "console;verbosity=minimal" || failed=1
}
parity SparkCleanlab.Core.Tests "FullyQualifiedName~GoldenParityTests"
parity SparkCleanlab.Local.Tests "FullyQualifiedName~SameIssuesScoresAndSummaryAsTheInMemoryCore"
parity SparkCleanlab.SparkPlan.Tests "FullyQualifiedName~DriverMathTests"
exit $failed
