"""Airflow DAG: nightly SparkCleanlab run over yesterday's partition of the data lake.

Runs submit.sh (which calls spark-submit with DotnetRunner) from a checkout of the
repository on the Airflow worker; the worker needs SPARK_HOME and access to the cluster.
"""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.operators.bash import BashOperator

REPO = "/opt/sparkcleanlab"
LAKE = "hdfs:///lake"

with DAG(
    dag_id="sparkcleanlab_nightly",
    description="Find and remove label issues in yesterday's predictions",
    schedule="15 2 * * *",
    start_date=datetime(2026, 1, 1),
    catchup=False,
    max_active_runs=1,
    default_args={"retries": 1, "retry_delay": timedelta(minutes=15)},
    tags=["sparkcleanlab", "data-quality"],
) as dag:
    find_issues = BashOperator(
        task_id="find_issues",
        bash_command=(
            f"{REPO}/submit.sh --master yarn --deploy-mode cluster "
            "--name 'sparkcleanlab {{ ds }}' -- "
            f"--input {LAKE}/predictions/date={{{{ ds }}}} "
            f"--output {LAKE}/cleaned/date={{{{ ds }}}}"
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
