#!/usr/bin/env python3
"""Complexity checks: every reader's cost must grow linearly with its input.

Each input is timed at n and at 10n (best of --repeat runs, output to a
file), side by side in one run, and the ratio printed: about 10 is linear,
about 100 quadratic. Peak memory (GNU time's "Maximum resident set size")
is printed beside each time. Not a test: this machine is shared and noisy,
so the ratios are read, not asserted.

  python3 bench/complexity.py [--slacalc target/release/slacalc] [--n 10000]

Inputs:
- catalogue: `eol` over a catalogue of n products;
- ticket rows: `deadline --input` over n tickets (bench/gen_workload.py);
- event log: `audit --events` summary over n/300 copies of the example log
  (bench/gen_event_log.py);
- long-open queue: `queue --events` over n/100 tickets opened about 25
  years before `--at` and never closed, against the `audit --events`
  summary of the same log (the queue must stay within a few times the
  audit: once it walked every day of every ticket's life).
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)


def timed(argv, repeat):
    """Best wall time (s) and largest peak RSS (KiB) of `argv`."""
    best, rss = float("inf"), 0
    env = dict(os.environ, SLACALC_NOW="2026-11-27T12:00:00Z")
    for _ in range(repeat):
        with open(os.devnull, "wb") as out, tempfile.TemporaryFile() as err:
            start = time.perf_counter()
            code = subprocess.call(["/usr/bin/time", "-f", "%M"] + argv, stdout=out, stderr=err, env=env)
            wall = time.perf_counter() - start
            err.seek(0)
            lines = err.read().decode(errors="replace").strip().splitlines()
        if code not in (0, 1):
            sys.exit(f"complexity.py: {' '.join(argv)} exited {code}: {lines[-3:]}")
        best = min(best, wall)
        rss = max(rss, int(lines[-1]) if lines and lines[-1].isdigit() else 0)
    return best, rss


def catalogue(path, n):
    with open(path, "w") as f:
        for i in range(n):
            f.write(f'[[product]]\nname = "P{i}"\neos = 2027-01-01\neol = 2028-01-01\n\n')


def long_open_log(path, n):
    # Tickets opened about 25 years before --at, on every desk, never closed.
    desks = ["europe", "americas", "uae", "middle-east"]
    with open(path, "w") as f:
        for i in range(n):
            f.write(
                '{"ticket":"L%d","at":"2001-11-%02dT10:00:00Z","type":"opened",'
                '"plan":"gold","priority":"P%d","desk":"%s"}\n'
                % (i, 1 + i % 28, 1 + i % 4, desks[i % 4])
            )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--slacalc", default=os.path.join(REPO, "target/release/slacalc"))
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    slacalc, n = args.slacalc, args.n
    work = tempfile.mkdtemp(prefix="slacalc-complexity.")
    rows = []

    def check(name, make, command):
        small, large = os.path.join(work, f"{name}-n"), os.path.join(work, f"{name}-10n")
        make(small, n)
        make(large, 10 * n)
        t1, m1 = timed(command(small), args.repeat)
        t10, m10 = timed(command(large), args.repeat)
        rows.append((name, t1, t10, m1, m10))

    check("catalogue", catalogue, lambda p: [slacalc, "eol", "--catalog", p, "--on", "2026-12-01", "--format", "json"])

    def tickets(path, count):
        subprocess.check_call([sys.executable, os.path.join(HERE, "gen_workload.py"), "--n", str(count), "--seed", "2026", "--out", path])

    check("ticket rows", tickets, lambda p: [slacalc, "deadline", "--input", p, "--format", "json"])

    def events(path, count):
        copies = max(1, count // 300)
        subprocess.check_call([sys.executable, os.path.join(HERE, "gen_event_log.py"), "--copies", str(copies), "--out", path])

    as_of = "2026-11-29T23:59:59Z"
    check("event log", events, lambda p: [slacalc, "audit", "--events", p, "--as-of", as_of, "--format", "json"])

    def long_open(path, count):
        long_open_log(path, max(1, count // 100))

    at = "2026-11-27T12:00:00Z"
    check("long-open queue", long_open, lambda p: [slacalc, "queue", "--events", p, "--at", at, "--format", "json"])
    check("long-open audit", long_open, lambda p: [slacalc, "audit", "--events", p, "--as-of", at, "--format", "json"])

    print(f"complexity at n = {n:,} and 10n (best of {args.repeat}; ratio ~10 linear, ~100 quadratic)")
    for name, t1, t10, m1, m10 in rows:
        print(f"  {name:<16} {t1:8.3f} s {t10:8.3f} s  ratio {t10 / t1:6.1f}   peak RSS {m1 / 1024:7.1f} / {m10 / 1024:7.1f} MiB")
    queue = next(r for r in rows if r[0] == "long-open queue")
    audit = next(r for r in rows if r[0] == "long-open audit")
    print(f"  long-open queue / audit summary at 10n: {queue[2] / audit[2]:.1f}x")


if __name__ == "__main__":
    main()
