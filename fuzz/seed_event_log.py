"""Seed fuzz/corpus/event_log from the example event logs.

Each seed holds every event of a few tickets (in the log's order), under
4 KiB, libFuzzer's default input size: from examples/events.jsonl as JSON
Lines (first byte 0), from examples/helpdesk-export.csv under its own
column names (first byte 3: CSV read with the export's map) and under the
field names (first byte 1: CSV, no map). Run from the repository root.
"""

import csv
import io
import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "fuzz" / "corpus" / "event_log"
LIMIT = 4000
GROUPS = 15
FIELD_NAMES = ["ticket", "at", "type", "plan", "priority", "desk", "status", "to"]


def groups(records, ticket_of, size=4):
    """The records of each run of `size` tickets, in the order first seen."""
    order = []
    by_ticket = {}
    for record in records:
        ticket = ticket_of(record)
        if ticket not in by_ticket:
            order.append(ticket)
            by_ticket[ticket] = []
        by_ticket[ticket].append(record)
    for i in range(0, len(order), size):
        wanted = set(order[i : i + size])
        yield [r for r in records if ticket_of(r) in wanted]


def csv_text(header, rows):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def fit(prefix, parts, join):
    """`prefix` and as many of `parts` as fit in LIMIT bytes."""
    text = b""
    for n in range(len(parts), 0, -1):
        text = prefix + join(parts[:n]).encode()
        if len(text) <= LIMIT:
            return text
    return text


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    lines = (ROOT / "examples" / "events.jsonl").read_text().splitlines()
    for i, group in enumerate(groups(lines, lambda l: json.loads(l)["ticket"])):
        if i >= GROUPS:
            break
        seed = fit(b"\0", group, lambda p: "\n".join(p) + "\n")
        (OUT / f"jsonl-{i:02}").write_bytes(seed)

    with open(ROOT / "examples" / "helpdesk-export.csv", newline="") as f:
        header, *rows = list(csv.reader(f))
    renamed = FIELD_NAMES + header[len(FIELD_NAMES) :]
    for i, group in enumerate(groups(rows, lambda r: r[0])):
        if i >= GROUPS:
            break
        export = fit(b"\3", group, lambda p: csv_text(header, p))
        (OUT / f"export-{i:02}").write_bytes(export)
        named = fit(b"\1", group, lambda p: csv_text(renamed, p))
        (OUT / f"csv-{i:02}").write_bytes(named)

    # The first lines as they come, tickets interleaved.
    (OUT / "jsonl-head").write_bytes(fit(b"\0", lines[:40], lambda p: "\n".join(p) + "\n"))


if __name__ == "__main__":
    main()
