#!/usr/bin/env python3
"""A large event log for `bench/run.sh`: the example log (examples/events.jsonl,
300 tickets over two weeks at four desks) COPIES times over in the same two
weeks, each copy's ticket ids made distinct ("T-20001" becomes "T-20001-7"):
each event of the example is followed by the same event of every other copy,
so the log stays in time order, as a help desk COPIES times as busy would
write it. Every copy has the example's waits, priority changes, escalations
and closes, so the work per ticket is the example's.

    python3 bench/gen_event_log.py --copies 1000 --out events-big.jsonl
"""

import argparse
import json
from pathlib import Path


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=1000)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    example = Path(__file__).resolve().parent.parent / "examples" / "events.jsonl"
    events = [json.loads(line) for line in example.read_text().splitlines() if line.strip()]
    with open(args.out, "w") as out:
        for event in events:
            for copy in range(args.copies):
                out.write(json.dumps({**event, "ticket": f"{event['ticket']}-{copy}"}) + "\n")


if __name__ == "__main__":
    main()
