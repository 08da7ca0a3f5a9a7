#!/usr/bin/env bash
# Cluster-mode run on Kubernetes with the app and the jar taken from the image (local://).
# Usage: submit-k8s.sh K8S_API_URL IMAGE INPUT OUTPUT [find-issues options]
set -euo pipefail
if [[ $# -lt 4 ]]; then
  echo "usage: $0 https://K8S_API:PORT IMAGE INPUT OUTPUT [find-issues options]" >&2
  exit 2
fi
api="$1"
image="$2"
input="$3"
output="$4"
shift 4
repo="$(cd "$(dirname "$0")/../.." && pwd)"

exec "$repo/submit.sh" \
  --master "k8s://$api" \
  --deploy-mode cluster \
  --app local:///opt/sparkcleanlab/app/SparkCleanlab.Spark \
  --jar local:///opt/sparkcleanlab/jars/microsoft-spark-3-5_2.12-2.3.1.jar \
  --conf spark.kubernetes.container.image="$image" \
  --conf spark.kubernetes.namespace=spark-jobs \
  --conf spark.kubernetes.authenticate.driver.serviceAccountName=spark \
  --conf spark.executor.instances="${EXECUTORS:-8}" \
  --conf spark.executor.memory="${EXECUTOR_MEMORY:-8g}" \
  -- --input "$input" --output "$output" "$@"
