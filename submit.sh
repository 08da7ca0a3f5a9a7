#!/usr/bin/env bash
# SparkCleanlab's one entry point: the embedded local engine, or the Spark engine through
# spark-submit and .NET for Apache Spark's DotnetRunner. Run `submit.sh --help` for usage.
set -euo pipefail

readonly REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly APP_NAME="SparkCleanlab.Spark"
readonly SPARK_PROJECT="jobs/SparkCleanlab.Spark"
readonly LOCAL_PROJECT="jobs/SparkCleanlab.Cli"
readonly MICROSOFT_SPARK_VERSION="2.3.1"
readonly RUNNER_JAR="microsoft-spark-3-5_2.12-${MICROSOFT_SPARK_VERSION}.jar"
readonly RUNNER_CLASS="org.apache.spark.deploy.dotnet.DotnetRunner"

# Exit codes: 2 as the job uses for a bad command line; 69 (sysexits' EX_UNAVAILABLE) when a
# prerequisite (dotnet, spark-submit, the runner jar, the app) is missing. Any other code is
# the one dotnet or spark-submit returned.
readonly EXIT_USAGE=2
readonly EXIT_UNAVAILABLE=69

usage() {
  cat <<EOF
Usage:
  submit.sh --local [--dry-run] [--] [find-issues options]
  submit.sh --explain [--dry-run] [--] [find-issues options]
  submit.sh [spark options] [--] [find-issues options]
  submit.sh --help

Runs SparkCleanlab's find-issues. The find-issues options (--input, --output, ...) are the
same for both engines and are checked by the job itself: an unknown option is an error.
The first argument that is not a submit.sh option (or everything after --) starts them.

Engines:
  --local                 run the embedded engine on this machine: the published
                          ${LOCAL_PROJECT}/bin/Release/net10.0/publish/sparkcleanlab.dll
                          when present, else 'dotnet run --project ${LOCAL_PROJECT} -c Release'.
  --explain               print the Spark engine's plan (every stage's SQL and DataFrame
                          operations with their sizes) through the local CLI, as --local runs
                          it, without Spark, a JVM or spark-submit; exit 0. Stage results are
                          placeholders; a remote input (s3a://, hdfs://) needs --num-classes.
  (default)               run on Apache Spark 3.5 with spark-submit and ${RUNNER_CLASS}.

Spark options:
  --master URL            local | local[N] | local[*] | yarn | k8s://https://HOST:PORT |
                          spark://HOST:PORT[,HOST:PORT...]   (default: local[*])
  --deploy-mode MODE      client | cluster (default: client). In cluster mode the app
                          travels as ${APP_NAME}.zip shipped with --files, which
                          DotnetRunner unzips in the driver's working directory.
  --conf KEY=VALUE        passed to spark-submit as --conf KEY=VALUE; repeatable, in order,
                          after the defaults below so a later value wins.
  --name NAME             Spark application name (default: sparkcleanlab).
  --app PATH|URI          the published app instead of publishing it here:
                            a folder (dotnet publish output), a local .zip of one,
                            a remote .zip URI (hdfs://, s3a://, abfss://, gs://, dbfs:/, ...)
                            that DotnetRunner downloads, or local:///PATH for an app already
                            on every node (a container image): PATH is the executable or zip.
  --jar PATH|URI          the DotnetRunner jar (default: \$SPARKCLEANLAB_SPARK_JAR, else
                          \${NUGET_PACKAGES:-~/.nuget/packages}/microsoft.spark/${MICROSOFT_SPARK_VERSION}/jars/${RUNNER_JAR}).
  --runtime RID           publish self-contained for RID (e.g. linux-x64) so the driver node
                          needs no .NET runtime; cluster mode defaults to linux-x64.
  --spark-assembly DLL    compile against a locally built Microsoft.Spark.dll instead of
                          the Microsoft.Spark ${MICROSOFT_SPARK_VERSION} package
                          (-p:MicrosoftSparkAssembly=DLL; default: \$MICROSOFT_SPARK_ASSEMBLY).
  --out DIR               where the app is published and zipped (default: out/spark-app
                          in the repository).

Common:
  --dry-run               print each command it would run, one per line, every word
                          shell-quoted, and run nothing.
  --help                  this text.

Defaults passed to spark-submit before your --conf values:
  --conf spark.dotnet.ignoreSparkPatchVersionCheck=true  (DotnetRunner ${MICROSOFT_SPARK_VERSION} lists
                          Spark 3.5.0-3.5.3 only; later 3.5.x patches are API compatible)

Environment: SPARK_HOME (spark-submit is \$SPARK_HOME/bin/spark-submit, else found on PATH),
NUGET_PACKAGES, SPARKCLEANLAB_SPARK_JAR, MICROSOFT_SPARK_ASSEMBLY.

Exit codes: 0 success; ${EXIT_USAGE} bad submit.sh command line; ${EXIT_UNAVAILABLE} a prerequisite is missing
(dotnet, spark-submit, the runner jar or the app); otherwise the code of the job,
dotnet or spark-submit.

Examples:
  ./submit.sh --local --input data/ --output out/run1
  ./submit.sh --master 'local[2]' --input data/ --output out/run1
  ./submit.sh --master yarn --deploy-mode cluster --conf spark.executor.instances=8 \\
      --input hdfs:///lake/preds --output hdfs:///lake/cleaned/2026-01-01
  ./submit.sh --master k8s://https://10.0.0.1:6443 --deploy-mode cluster \\
      --conf spark.kubernetes.container.image=registry/sparkcleanlab:1.0 \\
      --app local:///opt/sparkcleanlab/app/${APP_NAME} \\
      --jar local:///opt/sparkcleanlab/jars/${RUNNER_JAR} --input s3a://b/in --output s3a://b/out
EOF
}

fail() {
  local code="$1"
  shift
  echo "submit.sh: error: $*" >&2
  [[ "$code" == "$EXIT_USAGE" ]] && echo "Run 'submit.sh --help' for usage." >&2
  exit "$code"
}

# Quotes one word so that the shell reads it back unchanged; plain words stay bare.
quote_word() {
  local word="$1"
  if [[ -n "$word" && "$word" =~ ^[A-Za-z0-9_@%+=:,./-]+$ ]]; then
    printf '%s' "$word"
  else
    printf "'%s'" "${word//\'/\'\\\'\'}"
  fi
}

print_command() {
  local first=1 word
  for word in "$@"; do
    ((first)) || printf ' '
    quote_word "$word"
    first=0
  done
  printf '\n'
}

# Runs a command, or only prints it under --dry-run.
run() {
  if ((dry_run)); then
    print_command "$@"
  else
    "$@"
  fi
}

need_value() {
  [[ $# -ge 2 && -n "$2" ]] || fail "$EXIT_USAGE" "$1 needs a value"
}

local_engine=0
explain=0
dry_run=0
master="local[*]"
deploy_mode="client"
app_name="sparkcleanlab"
app=""
jar="${SPARKCLEANLAB_SPARK_JAR:-}"
runtime=""
spark_assembly="${MICROSOFT_SPARK_ASSEMBLY:-}"
out_dir="$REPO_ROOT/out/spark-app"
spark_only_options=()
confs=()
job_args=()

while [[ $# -gt 0 ]]; do
  case "$1" in
    --help | -h) usage; exit 0 ;;
    --local) local_engine=1; shift ;;
    --explain) explain=1; shift ;;
    --dry-run) dry_run=1; shift ;;
    --master) need_value "$@"; master="$2"; spark_only_options+=("$1"); shift 2 ;;
    --deploy-mode) need_value "$@"; deploy_mode="$2"; spark_only_options+=("$1"); shift 2 ;;
    --conf)
      need_value "$@"
      [[ "$2" == *=* && "${2%%=*}" != "" ]] || fail "$EXIT_USAGE" "--conf expects KEY=VALUE, got '$2'"
      confs+=("$2"); spark_only_options+=("$1"); shift 2 ;;
    --name) need_value "$@"; app_name="$2"; spark_only_options+=("$1"); shift 2 ;;
    --app) need_value "$@"; app="$2"; spark_only_options+=("$1"); shift 2 ;;
    --jar) need_value "$@"; jar="$2"; spark_only_options+=("$1"); shift 2 ;;
    --runtime) need_value "$@"; runtime="$2"; spark_only_options+=("$1"); shift 2 ;;
    --spark-assembly) need_value "$@"; spark_assembly="$2"; spark_only_options+=("$1"); shift 2 ;;
    --out) need_value "$@"; out_dir="$2"; spark_only_options+=("$1"); shift 2 ;;
    --) shift; job_args+=("$@"); break ;;
    *) job_args+=("$@"); break ;;
  esac
done

# Both engines take the local job's command line; the verb is optional for the user.
if [[ ${#job_args[@]} -eq 0 || "${job_args[0]}" != "find-issues" ]]; then
  job_args=("find-issues" ${job_args[@]+"${job_args[@]}"})
fi

# Paths the user gives are relative to where submit.sh was started.
absolute() { if [[ "$1" == /* ]]; then printf '%s' "$1"; else printf '%s' "$PWD/$1"; fi; }

# The explain runs in the local CLI: it prints the Spark plan without Spark, a JVM or spark-submit.
if ((explain)); then
  ((local_engine)) && fail "$EXIT_USAGE" "--explain shows the Spark engine's plan; it cannot be combined with --local"
  has_engine=0
  for word in "${job_args[@]}"; do [[ "$word" == --engine || "$word" == --engine=* ]] && has_engine=1; done
  ((has_engine)) || job_args+=("--engine" "spark")
  job_args+=("--explain")
  local_engine=1
fi

if ((local_engine)); then
  if [[ ${#spark_only_options[@]} -gt 0 ]]; then
    fail "$EXIT_USAGE" "${spark_only_options[0]} is a Spark option; it cannot be combined with --local"
  fi
  ((dry_run)) || command -v dotnet >/dev/null || fail "$EXIT_UNAVAILABLE" "dotnet is not on PATH"
  published="$REPO_ROOT/$LOCAL_PROJECT/bin/Release/net10.0/publish/sparkcleanlab.dll"
  if [[ -f "$published" ]]; then
    ((dry_run)) && { print_command dotnet "$published" "${job_args[@]}"; exit 0; }
    exec dotnet "$published" "${job_args[@]}"
  fi
  ((dry_run)) && { print_command dotnet run --project "$REPO_ROOT/$LOCAL_PROJECT" -c Release -- "${job_args[@]}"; exit 0; }
  exec dotnet run --project "$REPO_ROOT/$LOCAL_PROJECT" -c Release -- "${job_args[@]}"
fi

case "$master" in
  local | "local[*]") ;;
  local\[*\])
    [[ "$master" =~ ^local\[([1-9][0-9]*|\*)(,[0-9]+)?\]$ ]] \
      || fail "$EXIT_USAGE" "--master '$master': expected local, local[N], local[*] or local[N,F]" ;;
  yarn) ;;
  k8s://*)
    [[ "$master" =~ ^k8s://(https?://)?[^/]+$ ]] \
      || fail "$EXIT_USAGE" "--master '$master': expected k8s://https://HOST:PORT" ;;
  spark://*)
    [[ "$master" =~ ^spark://[^/:,]+:[0-9]+(,[^/:,]+:[0-9]+)*$ ]] \
      || fail "$EXIT_USAGE" "--master '$master': expected spark://HOST:PORT[,HOST:PORT...]" ;;
  *) fail "$EXIT_USAGE" "--master '$master': expected local[*], yarn, k8s://... or spark://..." ;;
esac

case "$deploy_mode" in
  client | cluster) ;;
  *) fail "$EXIT_USAGE" "--deploy-mode '$deploy_mode': expected client or cluster" ;;
esac

if [[ "$deploy_mode" == "cluster" && "$master" == local* ]]; then
  fail "$EXIT_USAGE" "--deploy-mode cluster needs a cluster master (yarn, k8s://, spark://), not '$master'"
fi

has_conf() {
  local conf
  for conf in ${confs[@]+"${confs[@]}"}; do
    [[ "${conf%%=*}" == "$1" ]] && return 0
  done
  return 1
}

if [[ "$master" == k8s://* ]] && ! has_conf spark.kubernetes.container.image; then
  fail "$EXIT_USAGE" "--master k8s:// needs --conf spark.kubernetes.container.image=IMAGE (see deployment/kubernetes)"
fi

# A URI that DotnetRunner or spark-submit fetches (hdfs://, s3a://, dbfs:/, ...); not file: or local:.
is_remote() { [[ "$1" =~ ^[A-Za-z][A-Za-z0-9+.-]*:/ && "$1" != file:/* && "$1" != local:/* ]]; }

# The runner jar: from the Microsoft.Spark package unless given.
if [[ -z "$jar" ]]; then
  jar="${NUGET_PACKAGES:-$HOME/.nuget/packages}/microsoft.spark/${MICROSOFT_SPARK_VERSION}/jars/${RUNNER_JAR}"
fi
if ! is_remote "$jar" && [[ "$jar" != local://* ]]; then
  jar="$(absolute "$jar")"
fi
if ! is_remote "$jar" && [[ "$jar" != local://* && ! -f "$jar" ]]; then
  message="the DotnetRunner jar '$jar' does not exist: restore the Microsoft.Spark ${MICROSOFT_SPARK_VERSION} package (dotnet publish $SPARK_PROJECT -c Release) or pass --jar"
  ((dry_run)) || fail "$EXIT_UNAVAILABLE" "$message"
  echo "submit.sh: warning: $message" >&2
fi

spark_submit="spark-submit"
if [[ -n "${SPARK_HOME:-}" ]]; then
  spark_submit="$SPARK_HOME/bin/spark-submit"
fi
if ! ((dry_run)); then
  if [[ -n "${SPARK_HOME:-}" ]]; then
    [[ -x "$spark_submit" ]] || fail "$EXIT_UNAVAILABLE" "SPARK_HOME is '$SPARK_HOME' but $spark_submit is not executable"
  else
    command -v spark-submit >/dev/null || fail "$EXIT_UNAVAILABLE" "spark-submit not found: set SPARK_HOME or put it on PATH"
  fi
fi

# Cluster mode runs the driver on a node of the cluster; a self-contained app spares that
# node a .NET installation.
if [[ "$deploy_mode" == "cluster" && -z "$runtime" ]]; then
  runtime="linux-x64"
fi

# Cluster mode must get the app and the jar to a node of the cluster.
ships_local_app=0
if [[ "$deploy_mode" == "cluster" ]] && { [[ -z "$app" ]] || { [[ "$app" != local://* ]] && ! is_remote "$app"; }; }; then
  ships_local_app=1
fi
if ((ships_local_app)) && [[ "$master" == spark://* ]]; then
  fail "$EXIT_USAGE" "standalone cluster mode cannot ship a local app: upload the zip and pass --app hdfs://.../$APP_NAME.zip and --jar hdfs://.../$RUNNER_JAR"
fi
if [[ "$deploy_mode" == "cluster" && "$master" == k8s://* ]] && ! has_conf spark.kubernetes.file.upload.path; then
  if ((ships_local_app)) || { [[ "$jar" != local://* ]] && ! is_remote "$jar"; }; then
    fail "$EXIT_USAGE" "Kubernetes cluster mode uploads local files only through --conf spark.kubernetes.file.upload.path=URI; or use --app local:///... and --jar local:///... from the image (see deployment/kubernetes)"
  fi
fi

# The app: published here unless given.
out_dir="$(absolute "$out_dir")"
if [[ -z "$app" ]]; then
  ((dry_run)) || command -v dotnet >/dev/null || fail "$EXIT_UNAVAILABLE" "dotnet is not on PATH"
  publish=(dotnet publish "$REPO_ROOT/$SPARK_PROJECT" -c Release -o "$out_dir/$APP_NAME")
  [[ -n "$runtime" ]] && publish+=(-r "$runtime" --self-contained true)
  [[ -n "$spark_assembly" ]] && publish+=("-p:MicrosoftSparkAssembly=$(absolute "$spark_assembly")")
  run "${publish[@]}"
  app="$out_dir/$APP_NAME"
elif [[ "$app" == local://* ]]; then
  [[ "${app#local://}" == /* ]] || fail "$EXIT_USAGE" "--app '$app': expected local:///ABSOLUTE/PATH"
elif ! is_remote "$app"; then
  app="$(absolute "$app")"
  [[ -e "$app" ]] || fail "$EXIT_UNAVAILABLE" "--app '$app' does not exist"
  [[ "$app" == *.zip || -d "$app" ]] || fail "$EXIT_USAGE" "--app '$app' is neither a folder nor a .zip"
fi

# What DotnetRunner is given: the executable itself, or a zip and the executable's name in it
# (DotnetRunner unzips it and searches the tree for that name).
runner_args=()
files=()
if [[ "$app" == local://* ]]; then
  path="${app#local://}"
  if [[ "$path" == *.zip ]]; then runner_args=("$path" "$APP_NAME"); else runner_args=("$path"); fi
elif is_remote "$app"; then
  [[ "$app" == *.zip ]] || fail "$EXIT_USAGE" "--app '$app': a remote app must be a .zip"
  runner_args=("$app" "$APP_NAME")
elif [[ "$deploy_mode" == "client" ]]; then
  # DotnetRunner fetches a zip given by path through Hadoop's default file system (HDFS on a
  # YARN edge node), so a local zip is unpacked here and its executable started directly.
  if [[ "$app" == *.zip ]]; then
    ((dry_run)) || command -v unzip >/dev/null || fail "$EXIT_UNAVAILABLE" "unzip is not on PATH (needed to run a zipped app in client mode)"
    run unzip -qo "$app" -d "$out_dir/$APP_NAME"
    app="$out_dir/$APP_NAME"
  fi
  runner_args=("$app/$APP_NAME")
else
  zip_path="$app"
  if [[ "$app" != *.zip ]]; then
    zip_path="$out_dir/$APP_NAME.zip"
    ((dry_run)) || command -v zip >/dev/null || fail "$EXIT_UNAVAILABLE" "zip is not on PATH (needed to ship the app in cluster mode)"
    ((dry_run)) || rm -f "$zip_path"
    run bash -c 'cd "$1" && zip -qr "$2" .' zip-app "$app" "$zip_path"
  fi
  # YARN and Kubernetes place --files in the driver's working directory, where DotnetRunner
  # finds the zip by its bare name before it would try to download it.
  files=(--files "$zip_path")
  runner_args=("$(basename "$zip_path")" "$APP_NAME")
fi

command=("$spark_submit"
  --class "$RUNNER_CLASS"
  --master "$master"
  --deploy-mode "$deploy_mode"
  --name "$app_name"
  --conf spark.dotnet.ignoreSparkPatchVersionCheck=true)
for conf in ${confs[@]+"${confs[@]}"}; do
  command+=(--conf "$conf")
done
command+=(${files[@]+"${files[@]}"} "$jar" "${runner_args[@]}" "${job_args[@]}")

if ((dry_run)); then
  print_command "${command[@]}"
  exit 0
fi
exec "${command[@]}"
