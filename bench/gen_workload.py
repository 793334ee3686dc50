#!/usr/bin/env python3
"""Deterministic ticket workload for `slacalc deadline --input`.

One JSON object per line: {"plan","priority","desk","opened"}, and for a
small share a "pauses" list with one "A/B" interval. Openings are uniform
random seconds in 2026 (UTC), written as RFC 3339 with the desk's local
offset (one line in ten as UTC "Z": the tool accepts both). The same seed
and N give the same file, byte for byte.

Usage: gen_workload.py [--n N] [--seed S] [--pause-share F] [--out FILE]
"""

import argparse
import json
import random
import sys
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

DESKS = {
    "americas": ZoneInfo("America/New_York"),
    "europe": ZoneInfo("Europe/Rome"),
    "middle-east": ZoneInfo("Asia/Dubai"),
    "uae": ZoneInfo("Asia/Dubai"),
}
PLANS = ["basic", "gold", "platinum"]
PRIORITIES = ["p1", "p2", "p3", "p4"]

YEAR_START = int(datetime(2026, 1, 1, tzinfo=timezone.utc).timestamp())
YEAR_SECONDS = int(datetime(2027, 1, 1, tzinfo=timezone.utc).timestamp()) - YEAR_START


def render(instant: datetime, zone: ZoneInfo, utc: bool) -> str:
    if utc:
        return instant.strftime("%Y-%m-%dT%H:%M:%SZ")
    return instant.astimezone(zone).isoformat(timespec="seconds")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=1_000_000, help="number of tickets (default 1,000,000)")
    parser.add_argument("--seed", type=int, default=2026, help="RNG seed (default 2026)")
    parser.add_argument("--pause-share", type=float, default=0.02, help="share of tickets with a pause (default 0.02)")
    parser.add_argument("--out", default="-", help="output file (default stdout)")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    desks = list(DESKS)
    out = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8", newline="\n")
    try:
        lines = []
        for _ in range(args.n):
            desk = desks[rng.randrange(len(desks))]
            zone = DESKS[desk]
            utc = rng.randrange(10) == 0
            opened = datetime.fromtimestamp(YEAR_START + rng.randrange(YEAR_SECONDS), timezone.utc)
            ticket = {
                "plan": PLANS[rng.randrange(len(PLANS))],
                "priority": PRIORITIES[rng.randrange(len(PRIORITIES))],
                "desk": desk,
                "opened": render(opened, zone, utc),
            }
            if rng.random() < args.pause_share:
                # Waiting for the customer: starts within two days of the
                # opening, lasts 5 minutes to a day.
                start = opened + timedelta(seconds=rng.randrange(2 * 86_400))
                end = start + timedelta(seconds=rng.randrange(300, 86_400))
                ticket["pauses"] = [f"{render(start, zone, utc)}/{render(end, zone, utc)}"]
            lines.append(json.dumps(ticket, separators=(",", ":")))
            if len(lines) >= 10_000:
                out.write("\n".join(lines) + "\n")
                lines.clear()
        if lines:
            out.write("\n".join(lines) + "\n")
    finally:
        if out is not sys.stdout:
            out.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
