#!/usr/bin/env bash
# One scheduled cleanup of a dated partition. Usage: run-nightly.sh YYYY-MM-DD
# Skips a day whose output is already committed (its _SUCCESS exists), so reruns are safe.
set -euo pipefail
day="${1:?usage: run-nightly.sh YYYY-MM-DD}"
repo="$(cd "$(dirname "$0")/../.." && pwd)"
input="${LAKE:-hdfs:///lake}/predictions/date=$day"
output="${LAKE:-hdfs:///lake}/cleaned/date=$day"

if hdfs dfs -test -e "$output/_SUCCESS"; then
  echo "$(date -Is) $output is already committed; nothing to do"
  exit 0
fi

echo "$(date -Is) cleaning $input -> $output"
exec "$repo/submit.sh" --master yarn --deploy-mode cluster \
  --name "sparkcleanlab $day" \
  -- --input "$input" --output "$output"
