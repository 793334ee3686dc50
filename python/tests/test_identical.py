"""The package and the command line give the same instants: 100,000 random
tickets (every desk, plan and priority, DST days and holidays, pauses)
through `slacalc deadline --input` and through `slacalc.deadline`."""

import datetime as dt
import json
import os
import random
import subprocess
from pathlib import Path

import pyarrow as pa

import slacalc

ROOT = Path(__file__).resolve().parents[2]
BINARY = os.environ.get("SLACALC_BIN", str(ROOT / "target" / "debug" / "slacalc"))

DESKS = ["europe", "americas", "middle-east", "uae"]
# Days that matter: DST changes in Europe and the US, holidays, year end.
SPECIAL = ["2026-03-08", "2026-03-29", "2026-10-25", "2026-11-01", "2026-11-26", "2026-12-24", "2026-12-31", "2026-04-06"]


def random_tickets(n, seed=20261130):
    rng = random.Random(seed)
    start = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
    rows = []
    for _ in range(n):
        if rng.random() < 0.2:
            day = dt.datetime.fromisoformat(rng.choice(SPECIAL)).replace(tzinfo=dt.timezone.utc)
            opened = day + dt.timedelta(seconds=rng.randrange(0, 86400))
        else:
            opened = start + dt.timedelta(seconds=rng.randrange(0, 330 * 86400))
        pause = None
        if rng.random() < 0.15:
            a = opened + dt.timedelta(minutes=rng.randrange(-120, 600))
            b = a + dt.timedelta(minutes=rng.randrange(0, 3000))
            pause = f"{a.isoformat()}/{b.isoformat()}"
        rows.append(
            {
                "plan": rng.choice(["basic", "gold", "platinum"]),
                "priority": rng.choice(["P1", "P2", "P3", "P4"]),
                "desk": rng.choice(DESKS),
                "opened": opened,
                "pause": pause,
            }
        )
    return rows


def epoch(text):
    return None if text is None else int(dt.datetime.fromisoformat(text).timestamp())


def test_a_hundred_thousand_tickets_agree_with_the_command_line(tmp_path):
    rows = random_tickets(100_000)
    batch = tmp_path / "tickets.jsonl"
    with batch.open("w") as f:
        for r in rows:
            line = {k: r[k] for k in ("plan", "priority", "desk")}
            line["opened"] = r["opened"].isoformat()
            if r["pause"]:
                line["pauses"] = [r["pause"]]
            f.write(json.dumps(line) + "\n")
    out = subprocess.run(
        [BINARY, "deadline", "--input", str(batch), "--format", "json"],
        capture_output=True, text=True, check=False,
    )
    cli = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(cli) == len(rows)

    table = slacalc.deadline(
        [r["plan"] for r in rows],
        [r["priority"] for r in rows],
        [r["desk"] for r in rows],
        pa.array([r["opened"] for r in rows], type=pa.timestamp("s", tz="UTC")),
        [r["pause"] for r in rows],
    )
    response = table.column("response_due").cast(pa.int64()).to_pylist()
    notification = table.column("notification_due").cast(pa.int64()).to_pylist()
    errors = table.column("error").to_pylist()
    compared = 0
    for i, line in enumerate(cli):
        if "error" in line:
            assert errors[i] is not None, (i, line)
            continue
        assert errors[i] is None, (i, errors[i], line)
        assert response[i] == epoch(line["response"]["due"]), (i, line)
        assert notification[i] == epoch((line["notification"] or {}).get("due")), (i, line)
        compared += 1
    # Almost every ticket is computed (a pause may run past the data's years).
    assert compared > 99_000
