#!/usr/bin/env python3
"""The Python package against the Python tools people use, side by side in
one process on the same tickets:

- pandas `CustomBusinessHour` and `businesstimedelta` (bench/peers.py's
  peers): europe tickets on the extended clock (gold P2-P4: 2, 4 and 8
  business hours, Mon-Sat 09:00-18:00 Europe/Rome), a sample timed per
  ticket as those libraries are used, slacalc.deadline over the whole
  column; the answers are compared on the sample;
- Polars' own `dt.add_business_days` for business-day targets (basic P1
  and P2 at europe: the close of standard hours on the 1st and 2nd
  business day after the local date), both over the same column; Polars
  gives a date, slacalc the instant of the close;
- Spark local[2] reading a Parquet file of --spark-rows tickets and adding
  the deadlines with mapInArrow (0 skips it).

Run inside a venv with the package and pandas, polars, pyarrow, pyspark,
businesstimedelta and pytz installed:
    python bench/python.py [--rows 1000000] [--sample 20000] [--spark-rows 10000000]
"""

import argparse
import datetime as dt
import os
import random
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pyarrow as pa

import slacalc

sys.path.insert(0, str(Path(__file__).resolve().parent))
import peers  # noqa: E402  (the peers' setup: calendars as those libraries express them)

UTC = dt.timezone.utc


def best(repeat, run):
    """The shortest of `repeat` timed runs, and the last result."""
    elapsed, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        elapsed = min(elapsed, time.perf_counter() - start)
    return elapsed, result


def tickets(rows, seed=7):
    rng = random.Random(seed)
    start = dt.datetime(2026, 1, 1, tzinfo=UTC)
    priorities = ["P2", "P3", "P4"]
    opened = [start + dt.timedelta(seconds=rng.randrange(0, 360 * 86400)) for _ in range(rows)]
    return [priorities[i % 3] for i in range(rows)], opened


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--sample", type=int, default=20_000)
    ap.add_argument("--spark-rows", type=int, default=10_000_000)
    args = ap.parse_args()

    priority, opened = tickets(args.rows)
    # The columns as a data frame holds them (Arrow, names as categories).
    opened_arrow = pa.array(opened, type=pa.timestamp("s", tz="UTC"))
    plans = pa.array(["gold"] * args.rows).dictionary_encode()
    desks = pa.array(["europe"] * args.rows).dictionary_encode()
    priorities = pa.array(priority).dictionary_encode()
    ours_s, table = best(3, lambda: slacalc.deadline(plans, priorities, desks, opened_arrow))
    ours_rate = args.rows / ours_s
    print(f"slacalc.deadline: {args.rows:,} tickets in {ours_s:.3f} s = {ours_rate:,.0f} tickets/s")

    hours = {"P2": 2, "P3": 4, "P4": 8}
    sample = [(opened[i].isoformat(), hours[priority[i]]) for i in range(args.sample)]
    ours = [v.astimezone(UTC) for v in table.column("response_due").to_pylist()[: args.sample]]
    rates = {}
    for name, due in peers.make_peers().items():
        elapsed, theirs = best(3, lambda: [due(o, "extended", h) for o, h in sample])
        rates[name] = args.sample / elapsed
        agree = sum(a == b for a, b in zip(ours, theirs))
        print(f"{name}: {rates[name]:,.0f} tickets/s; slacalc is {ours_rate / rates[name]:,.0f}x; "
              f"same instant on {agree:,} of {args.sample:,}")
    print(f"against the faster peer: {ours_rate / max(rates.values()):,.0f}x")

    import polars as pl

    frame = pl.DataFrame({"opened": opened_arrow})
    rome = frame.with_columns(pl.col("opened").dt.convert_time_zone("Europe/Rome").dt.date().alias("day"))
    holidays = [d for d in peers.HOLIDAYS]
    polars_s, _ = best(3, lambda: rome.select(pl.col("day").dt.add_business_days(2, holidays=holidays, roll="forward")))
    basic = pa.array(["basic"] * args.rows).dictionary_encode()
    p2 = pa.array(["P2"] * args.rows).dictionary_encode()
    ours_days_s, _ = best(3, lambda: slacalc.deadline(basic, p2, desks, opened_arrow))
    print(f"polars dt.add_business_days(2): {args.rows / polars_s:,.0f} dates/s; "
          f"slacalc basic P2 (2 business days, to the second): {args.rows / ours_days_s:,.0f} tickets/s; "
          f"ratio {polars_s / ours_days_s:.2f}x")

    if args.spark_rows:
        spark_bench(args.spark_rows)
    return 0


def spark_bench(rows):
    import pyarrow.parquet as pq
    from pyspark.sql import SparkSession

    os.environ["PYSPARK_PYTHON"] = sys.executable
    folder = Path(tempfile.mkdtemp())
    chunk = 1_000_000
    writer = None
    for first in range(0, rows, chunk):
        n = min(chunk, rows - first)
        priority, opened = tickets(n, seed=first)
        batch = pa.table({
            "plan": pa.array(["gold", "platinum", "basic"] * (n // 3) + ["gold"] * (n % 3)),
            "priority": pa.array(priority),
            "desk": pa.array(["europe", "americas", "uae", "middle-east"] * (n // 4) + ["europe"] * (n % 4)),
            "opened": pa.array(opened, type=pa.timestamp("us", tz="UTC")),
        })
        writer = writer or pq.ParquetWriter(folder / "tickets.parquet", batch.schema)
        writer.write_table(batch)
    writer.close()
    spark = (SparkSession.builder.master("local[2]").config("spark.sql.session.timeZone", "UTC")
             .config("spark.ui.enabled", "false").config("spark.driver.memory", "4g").getOrCreate())
    try:
        frame = spark.read.parquet(str(folder / "tickets.parquet"))
        schema = frame.schema.simpleString()[7:-1] + ", response_due timestamp, notification_due timestamp, error string"
        start = time.perf_counter()
        out = frame.mapInArrow(lambda batches: (slacalc.deadline_batch(b) for b in batches), schema)
        counted = out.where("error IS NULL").count()
        elapsed = time.perf_counter() - start
    finally:
        spark.stop()
    print(f"spark local[2], Parquet, mapInArrow: {rows:,} tickets ({counted:,} computed) in {elapsed:.1f} s "
          f"= {rows / elapsed:,.0f} tickets/s")


if __name__ == "__main__":
    sys.exit(main())
