"""The same function a Spark cluster runs on its executors: a Parquet file
read by Spark in local mode with two workers, deadlines added batch by
batch with `mapInArrow`, equal to the package's own answer."""

import datetime as dt
import os
import sys

import pyarrow as pa
import pyarrow.parquet as pq

import slacalc


def test_spark_map_in_arrow_over_parquet(tmp_path):
    from pyspark.sql import SparkSession

    # The workers run the Python that has slacalc installed: this one.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable

    n = 2_000
    opened = [dt.datetime(2026, 11, 16, tzinfo=dt.timezone.utc) + dt.timedelta(minutes=37 * i) for i in range(n)]
    source = pa.table(
        {
            "id": list(range(n)),
            "plan": [["basic", "gold", "platinum"][i % 3] for i in range(n)],
            "priority": [f"P{1 + i % 4}" for i in range(n)],
            "desk": [["europe", "americas", "middle-east", "uae"][i % 4] for i in range(n)],
            "opened": pa.array(opened, type=pa.timestamp("us", tz="UTC")),
        }
    )
    pq.write_table(source, tmp_path / "tickets.parquet")
    expected = slacalc.deadline(source["plan"], source["priority"], source["desk"], source["opened"])

    spark = (
        SparkSession.builder.master("local[2]")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )
    try:
        frame = spark.read.parquet(str(tmp_path / "tickets.parquet")).repartition(4)
        schema = (
            "id long, plan string, priority string, desk string, opened timestamp, "
            "response_due timestamp, notification_due timestamp, error string"
        )
        result = frame.mapInArrow(lambda batches: (slacalc.deadline_batch(b) for b in batches), schema)
        rows = {r["id"]: r for r in result.collect()}
    finally:
        spark.stop()

    assert len(rows) == n
    utc = dt.timezone.utc
    for i, (response, notification) in enumerate(
        zip(expected["response_due"].to_pylist(), expected["notification_due"].to_pylist())
    ):
        got = rows[i]
        # Spark hands timestamps back naive, in its session zone (UTC).
        as_utc = lambda v: None if v is None else v.replace(tzinfo=utc)
        assert as_utc(got["response_due"]) == response, i
        assert as_utc(got["notification_due"]) == notification, i
        assert got["error"] is None
