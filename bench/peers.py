#!/usr/bin/env python3
"""Peers: the same deadlines with `businesstimedelta` and pandas'
`CustomBusinessHour`, timed, and compared with slacalc's due instants.

Run by bench/run.sh inside a venv that has both packages. What the peers can
express, and so what is compared: the europe desk (Europe/Rome, business
hours 09:00-18:00 local), targets in business hours (2h, 4h, 8h), on

- the extended clock (gold P2-P4, platinum P3-P4): Mon-Sat 09:00-18:00. On
  the europe desk the extended clock gives a holiday on Mon-Fri the window
  09:00-18:00 (the same as a working day), Saturday its window whether or
  not it is a holiday, and a holiday on Sunday nothing, so it is exactly
  Mon-Sat 09:00-18:00 with no holidays: the peers express it in full;
- the standard clock with the Italian holidays (basic's clock; basic's own
  targets are business days, so the comparison uses a bench-only plan
  `basic-hours` with 2h/4h/8h on the standard clock, in a --data folder).

Tickets come from the run's workload: the europe tickets without pauses
whose plan and priority map onto one of those targets (the peers have no
pauses), the first --sample of them. Timings are the best of three
passes over the sample. A second, small set of probes opens at
every whole hour over two stretches (DST in spring with Easter Monday, and
Christmas to Epiphany), where exact-closing-time and holiday cases are
common; probes are compared but not timed.

Who is right: an independent reference (a direct reading of SPEC §3 in a
few lines below: the earliest instant at which the counted open time
reaches the target; a target that runs out at closing time is due at
closing time) judges every disagreement.

Writes a JSON report (--report) for run.sh's summary.
"""

import argparse
import json
import platform
import shutil
import subprocess
import sys
import time
from datetime import date, datetime, time as dtime, timedelta, timezone
from importlib.metadata import version
from pathlib import Path
from zoneinfo import ZoneInfo

ROME = ZoneInfo("Europe/Rome")
UTC = timezone.utc
OPEN, CLOSE = dtime(9), dtime(18)

# Italian national holidays 2026-2027 (SPEC §2; 4 October from 2026 on).
HOLIDAYS = [
    date(y, m, d)
    for y in (2026, 2027)
    for (m, d) in [(1, 1), (1, 6), (4, 25), (5, 1), (6, 2), (8, 15), (10, 4), (11, 1), (12, 8), (12, 25), (12, 26)]
] + [date(2026, 4, 6), date(2027, 3, 29)]  # Easter Monday
HOLIDAY_SET = frozenset(HOLIDAYS)

# (plan, priority) -> (clock, hours, plan name for slacalc)
TARGETS = {
    ("gold", "p2"): ("extended", 2, "gold"),
    ("gold", "p3"): ("extended", 4, "gold"),
    ("gold", "p4"): ("extended", 8, "gold"),
    ("platinum", "p3"): ("extended", 4, "platinum"),
    ("platinum", "p4"): ("extended", 8, "platinum"),
    ("basic", "p2"): ("standard", 2, "basic-hours"),
    ("basic", "p3"): ("standard", 4, "basic-hours"),
    ("basic", "p4"): ("standard", 8, "basic-hours"),
}
HOURS_PRIORITY = {2: "p2", 4: "p3", 8: "p4"}
REPEAT = 3  # timings: the best of three passes, for slacalc and each peer

BENCH_PLAN = """\
# bench/peers.py: basic's standard clock with targets in business hours, so
# that slacalc and the peers measure the same thing. Not a real plan.
description = "bench only: standard-clock hour targets"

[[priority]]
id = "P2"
label = "high"

[[priority]]
id = "P3"
label = "medium"

[[priority]]
id = "P4"
label = "low"

[plan.basic-hours]
label = "Basic, hour targets (bench)"
business_clock = "standard"

[plan.basic-hours.response]
P2 = { amount = 2, unit = "hours", clock = "standard" }
P3 = { amount = 4, unit = "hours", clock = "standard" }
P4 = { amount = 8, unit = "hours", clock = "standard" }
"""


def is_open(day: date, clock: str) -> bool:
    if clock == "extended":
        return day.weekday() <= 5  # Mon-Sat; holidays keep 09-18 on Mon-Sat
    return day.weekday() <= 4 and day not in HOLIDAY_SET


def reference_due(opened: datetime, hours: int, clock: str) -> datetime:
    """SPEC §3 read directly: walk the local days, count each open window
    from max(opening, window start); due when the count reaches the target."""
    left = timedelta(hours=hours)
    day = opened.astimezone(ROME).date()
    while True:
        if is_open(day, clock):
            start = datetime.combine(day, OPEN, ROME).astimezone(UTC)
            end = datetime.combine(day, CLOSE, ROME).astimezone(UTC)
            start = max(start, opened)
            if end > start:
                if end - start >= left:
                    return start + left
                left -= end - start
        day += timedelta(days=1)


def parse(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)


def select(workload: Path, sample: int):
    """The first `sample` europe tickets without pauses that map onto a target."""
    tickets = []
    with workload.open(encoding="utf-8") as f:
        for line in f:
            t = json.loads(line)
            key = (t["plan"].lower(), t["priority"].lower())
            if t["desk"] != "europe" or t.get("pauses") or key not in TARGETS:
                continue
            clock, hours, plan = TARGETS[key]
            tickets.append({"opened": t["opened"], "clock": clock, "hours": hours, "plan": plan, "priority": key[1]})
            if len(tickets) >= sample:
                break
    return tickets


def probes():
    """Every whole hour over two stretches, each for 2h/4h/8h on both clocks."""
    out = []
    for first, last in [(datetime(2026, 3, 23), datetime(2026, 4, 9)), (datetime(2026, 12, 21), datetime(2027, 1, 8))]:
        t = first.replace(tzinfo=ROME)
        while t.replace(tzinfo=None) < last:
            local = t.replace(tzinfo=None)
            for clock, plan in (("extended", "gold"), ("standard", "basic-hours")):
                for hours in (2, 4, 8):
                    out.append({
                        "opened": local.replace(tzinfo=ROME).isoformat(timespec="seconds"),
                        "clock": clock,
                        "hours": hours,
                        "plan": plan,
                        "priority": HOURS_PRIORITY[hours],
                    })
            t = (t.astimezone(UTC) + timedelta(hours=1)).astimezone(ROME)
    return out


def run_slacalc(binary: str, data: Path, tickets, path: Path):
    with path.open("w", encoding="utf-8") as f:
        for t in tickets:
            f.write(json.dumps({"plan": t["plan"], "priority": t["priority"], "desk": "europe", "opened": t["opened"]}) + "\n")
    # Output goes to a file, as in the batch timing: capturing it through a
    # pipe would time Python's reading and decoding, not slacalc.
    out_path = path.with_suffix(".out.jsonl")
    wall = float("inf")
    for _ in range(REPEAT):
        with out_path.open("wb") as out:
            start = time.perf_counter()
            done = subprocess.run(
                [binary, "--data", str(data), "deadline", "--input", str(path), "--format", "json"],
                stdout=out, stderr=subprocess.PIPE, text=True, check=False,
            )
            wall = min(wall, time.perf_counter() - start)
    dues, errors = [], []
    for number, line in enumerate(out_path.read_text(encoding="utf-8").splitlines(), 1):
        obj = json.loads(line)
        if "error" in obj:
            errors.append(f"line {number}: {obj['error']}")
            dues.append(None)
        else:
            dues.append(parse(obj["response"]["due"]))
    if done.returncode != 0 and not errors:
        sys.exit(f"slacalc failed ({done.returncode}): {done.stderr.strip()}")
    return dues, wall, errors


def make_peers():
    import businesstimedelta as btd
    import pandas as pd
    import pytz
    from pandas.tseries.offsets import CustomBusinessHour

    rome = pytz.timezone("Europe/Rome")
    rules = {
        "extended": btd.WorkDayRule(start_time=OPEN, end_time=CLOSE, working_days=[0, 1, 2, 3, 4, 5], tz=rome),
        "standard": btd.Rules([
            btd.WorkDayRule(start_time=OPEN, end_time=CLOSE, working_days=[0, 1, 2, 3, 4], tz=rome),
            btd.HolidayRule(HOLIDAY_SET, tz=rome),
        ]),
    }
    deltas = {(c, h): btd.BusinessTimeDelta(rules[c], hours=h) for c in rules for h in (2, 4, 8)}

    def with_btd(opened: str, clock: str, hours: int) -> datetime:
        return (datetime.fromisoformat(opened.replace("Z", "+00:00")) + deltas[(clock, hours)]).astimezone(UTC)

    masks = {"extended": ("Mon Tue Wed Thu Fri Sat", []), "standard": ("Mon Tue Wed Thu Fri", [d.isoformat() for d in HOLIDAYS])}
    offsets = {
        (c, h): CustomBusinessHour(n=h, start="09:00", end="18:00", weekmask=masks[c][0], holidays=masks[c][1])
        for c in masks for h in (2, 4, 8)
    }

    def with_pandas(opened: str, clock: str, hours: int) -> datetime:
        local = pd.Timestamp(opened).tz_convert("Europe/Rome")
        return (local + offsets[(clock, hours)]).tz_convert("UTC").to_pydatetime()

    return {
        f"businesstimedelta {version('businesstimedelta')}": with_btd,
        f"pandas {pd.__version__} CustomBusinessHour": with_pandas,
    }


def describe(t, ours, theirs, right):
    local = lambda x: x.astimezone(ROME).isoformat(timespec="seconds")
    reason = ""
    ol, tl = ours.astimezone(ROME), theirs.astimezone(ROME)
    if ol.time() == CLOSE and tl.time() == OPEN and tl > ol:
        reason = "peer moves a due instant at closing time (18:00) to the next opening"
    return {
        "opened": t["opened"], "clock": t["clock"], "target": f"{t['hours']}h",
        "slacalc": local(ours), "peer": local(theirs), "reference": local(right), "why": reason,
    }


def compare(tickets, ours, theirs):
    result = {"extended": 0, "standard": 0, "slacalc_right": 0, "peer_right": 0, "neither": 0, "examples": [], "reasons": {}}
    for t, a, b in zip(tickets, ours, theirs):
        if a is None or a == b:
            continue
        result[t["clock"]] += 1
        right = reference_due(parse(t["opened"]), t["hours"], t["clock"])
        side = "slacalc_right" if a == right else "peer_right" if b == right else "neither"
        result[side] += 1
        example = describe(t, a, b, right)
        key = example["why"] or "other"
        result["reasons"][key] = result["reasons"].get(key, 0) + 1
        if len(result["examples"]) < 3 or (side != "slacalc_right" and len(result["examples"]) < 6):
            result["examples"].append(example | {"right": side})
    return result


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--workload", required=True, type=Path)
    ap.add_argument("--slacalc", required=True)
    ap.add_argument("--repo", required=True, type=Path, help="the slacalc checkout (for calendars/ and plans/)")
    ap.add_argument("--workdir", required=True, type=Path)
    ap.add_argument("--sample", type=int, default=20_000)
    ap.add_argument("--report", required=True, type=Path)
    args = ap.parse_args()

    data = args.workdir / "peer-data"
    shutil.rmtree(data, ignore_errors=True)
    shutil.copytree(args.repo / "calendars", data / "calendars")
    (data / "plans").mkdir(parents=True)
    shutil.copy(args.repo / "plans" / "imagiclecare.toml", data / "plans" / "imagiclecare.toml")
    (data / "plans" / "bench-hours.toml").write_text(BENCH_PLAN, encoding="utf-8")

    sample = select(args.workload, args.sample)
    probe = probes()
    print(f"peers: {len(sample)} sampled europe tickets, {len(probe)} probes", file=sys.stderr)

    ours, wall, errors = run_slacalc(args.slacalc, data, sample, args.workdir / "peer-sample.jsonl")
    ours_probe, _, probe_errors = run_slacalc(args.slacalc, data, probe, args.workdir / "peer-probes.jsonl")
    report = {
        "sample": len(sample),
        "probes": len(probe),
        "python": platform.python_version(),
        "slacalc": {"wall_s": wall, "tickets_per_s": len(sample) / wall, "errors": (errors + probe_errors)[:5],
                    "error_count": len(errors) + len(probe_errors)},
        "peers": {},
    }
    # slacalc against the reference, on every ticket (not only disagreements).
    wrong = [
        describe(t, a, r, r)
        for t, a in zip(sample + probe, ours + ours_probe)
        if a is not None and a != (r := reference_due(parse(t["opened"]), t["hours"], t["clock"]))
    ]
    report["slacalc"]["differs_from_reference"] = len(wrong)
    report["slacalc"]["reference_examples"] = wrong[:5]

    for name, due in make_peers().items():
        elapsed = float("inf")
        for _ in range(REPEAT):
            start = time.perf_counter()
            theirs = [due(t["opened"], t["clock"], t["hours"]) for t in sample]
            elapsed = min(elapsed, time.perf_counter() - start)
        theirs_probe = [due(t["opened"], t["clock"], t["hours"]) for t in probe]
        report["peers"][name] = {
            "wall_s": elapsed,
            "tickets_per_s": len(sample) / elapsed,
            "sample": compare(sample, ours, theirs),
            "probes": compare(probe, ours_probe, theirs_probe),
        }
        print(f"peers: {name}: {len(sample) / elapsed:,.0f} tickets/s", file=sys.stderr)

    args.report.write_text(json.dumps(report, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
