#!/usr/bin/env bash
# One scheduled cleanup of a dated partition. Usage: run-nightly.sh YYYY-MM-DD
#
# Runs the prebuilt Spark app ($SPARKCLEANLAB_APP: a remote .zip URI such as
# hdfs:///apps/sparkcleanlab/SparkCleanlab.Spark.zip, a local published folder or .zip, or
# local:///PATH on every node) with the prebuilt runner jar ($SPARKCLEANLAB_SPARK_JAR). It never
# builds: the scheduler host needs no .NET SDK and no NuGet access.
#
# --if-changed skips the run (exit 0) when the committed output was made from the same input
# files and the same options, so retries and reruns cost one listing of the input.
set -euo pipefail
day="${1:?usage: run-nightly.sh YYYY-MM-DD}"
repo="$(cd "$(dirname "$0")/../.." && pwd)"
lake="${LAKE:-hdfs:///lake}"
app="${SPARKCLEANLAB_APP:?set SPARKCLEANLAB_APP to the published app (see deployment/schedule/README.md)}"
jar="${SPARKCLEANLAB_SPARK_JAR:?set SPARKCLEANLAB_SPARK_JAR to the DotnetRunner jar (see deployment/schedule/README.md)}"
input="$lake/predictions/date=$day"
output="$lake/cleaned/date=$day"

echo "$(date -Is) cleaning $input -> $output"
exec "$repo/submit.sh" --master yarn --deploy-mode cluster \
  --name "sparkcleanlab $day" \
  --app "$app" --jar "$jar" \
  -- --input "$input" --output "$output" --overwrite --if-changed
