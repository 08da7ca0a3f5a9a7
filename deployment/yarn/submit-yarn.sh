#!/usr/bin/env bash
# Cluster-mode run on YARN. Usage: submit-yarn.sh INPUT OUTPUT [more find-issues options]
set -euo pipefail
if [[ $# -lt 2 ]]; then
  echo "usage: $0 INPUT OUTPUT [find-issues options]" >&2
  exit 2
fi
input="$1"
output="$2"
shift 2
repo="$(cd "$(dirname "$0")/../.." && pwd)"

exec "$repo/submit.sh" \
  --master yarn \
  --deploy-mode cluster \
  --name "sparkcleanlab $(basename "$output")" \
  --conf spark.executor.instances="${EXECUTORS:-16}" \
  --conf spark.executor.cores="${EXECUTOR_CORES:-4}" \
  --conf spark.executor.memory="${EXECUTOR_MEMORY:-8g}" \
  --conf spark.driver.memory=2g \
  --conf spark.yarn.maxAppAttempts=1 \
  --conf spark.sql.adaptive.enabled=true \
  -- --input "$input" --output "$output" "$@"
