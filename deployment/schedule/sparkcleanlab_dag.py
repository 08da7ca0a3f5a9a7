"""Airflow DAG: nightly SparkCleanlab run over yesterday's partition of the data lake.

Runs submit.sh (which calls spark-submit with DotnetRunner) with a prebuilt app: the worker
never builds, so it needs SPARK_HOME, access to the cluster and this repository's scripts, not
the .NET SDK. --if-changed makes a retry or a rerun of a day whose input and options are
unchanged a no-op that exits 0.
"""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.operators.bash import BashOperator

REPO = "/opt/sparkcleanlab"
LAKE = "hdfs:///lake"
APP = "hdfs:///apps/sparkcleanlab/SparkCleanlab.Spark.zip"
JAR = "hdfs:///apps/sparkcleanlab/microsoft-spark-3-5_2.12-2.3.1.jar"

with DAG(
    dag_id="sparkcleanlab_nightly",
    description="Find and remove label issues in yesterday's predictions",
    schedule="15 2 * * *",
    start_date=datetime(2026, 1, 1),
    catchup=False,
    # One run per output at a time: the Spark engine takes no lock on its output.
    max_active_runs=1,
    default_args={"retries": 1, "retry_delay": timedelta(minutes=15)},
    tags=["sparkcleanlab", "data-quality"],
) as dag:
    find_issues = BashOperator(
        task_id="find_issues",
        bash_command=(
            f"{REPO}/submit.sh --master yarn --deploy-mode cluster "
            "--name 'sparkcleanlab {{ ds }}' "
            f"--app {APP} --jar {JAR} -- "
            f"--input {LAKE}/predictions/date={{{{ ds }}}} "
            f"--output {LAKE}/cleaned/date={{{{ ds }}}} "
            "--overwrite --if-changed"
        ),
        env={"SPARK_HOME": "/opt/spark"},
        append_env=True,
        execution_timeout=timedelta(hours=4),
    )

    # The job writes the top-level _SUCCESS last; downstream tasks wait for it.
    check_committed = BashOperator(
        task_id="check_committed",
        bash_command=f"hdfs dfs -test -e {LAKE}/cleaned/date={{{{ ds }}}}/_SUCCESS",
    )

    find_issues >> check_committed
