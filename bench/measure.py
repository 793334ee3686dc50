#!/usr/bin/env python3
"""Process measurements for bench/run.sh, with the standard library only.

  measure.py run [--repeat R] [--stdout FILE] -- CMD ARG...
      Run CMD R times (default 1); print JSON {"wall_s", "walls_s",
      "max_rss_kib", "rss_method", "exit"}: the best wall time from spawn to
      exit (and all of them), the largest of CMD's peak resident set
      size. The peak comes from GNU time (`/usr/bin/time -f %M`, the number
      `time -v` prints as "Maximum resident set size") when it is installed,
      else from polling VmHWM in /proc/PID/status every 5 ms. (Not from
      wait4(2) here: a child spawned by Python inherits the interpreter's
      high-water mark through exec, which would add ~10 MB.)

  measure.py startup --runs R --label A -- CMD... --label B -- CMD...
      Start each command R times, interleaved (A, B, A, B, ...) after a few
      warm-up runs, output to /dev/null; print JSON with each command's
      median, mean and min wall time in milliseconds.
"""

import json
import os
import statistics
import sys
import tempfile
import time


def spawn(argv, stdout_path):
    fd = os.open(stdout_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        actions = [(os.POSIX_SPAWN_DUP2, fd, 1)]
        start = time.perf_counter()
        pid = os.posix_spawnp(argv[0], argv, os.environ, file_actions=actions)
        _, status, usage = os.wait4(pid, 0)
        wall = time.perf_counter() - start
    finally:
        os.close(fd)
    return wall, usage.ru_maxrss, os.waitstatus_to_exitcode(status)


GNU_TIME = "/usr/bin/time"


def polled(argv, stdout_path):
    """Spawn, and poll the child's VmHWM until it exits."""
    fd = os.open(stdout_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        start = time.perf_counter()
        pid = os.posix_spawnp(argv[0], argv, os.environ, file_actions=[(os.POSIX_SPAWN_DUP2, fd, 1)])
    finally:
        os.close(fd)
    hwm = 0
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            break
        try:
            with open(f"/proc/{pid}/status", encoding="ascii") as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        hwm = max(hwm, int(line.split()[1]))
        except OSError:
            pass
        time.sleep(0.005)
    return time.perf_counter() - start, hwm, os.waitstatus_to_exitcode(status)


def run(args):
    stdout = "/dev/null"
    repeat = 1
    while args[:1] in (["--stdout"], ["--repeat"]):
        if args[0] == "--stdout":
            stdout = args[1]
        else:
            repeat = int(args[1])
        args = args[2:]
    if args[:1] != ["--"] or len(args) < 2:
        sys.exit("usage: measure.py run [--repeat R] [--stdout FILE] -- CMD ARG...")
    runs = [once(args[1:], stdout) for _ in range(repeat)]
    print(json.dumps({
        "wall_s": min(r[0] for r in runs),
        "walls_s": [r[0] for r in runs],
        "max_rss_kib": max(r[1] for r in runs),
        "rss_method": runs[0][2],
        "exit": next((r[3] for r in runs if r[3] != 0), 0),
    }))


def once(argv, stdout):
    if os.access(GNU_TIME, os.X_OK):
        with tempfile.NamedTemporaryFile("r", suffix=".rss") as report:
            wall, _, code = spawn([GNU_TIME, "-f", "%M", "-o", report.name, *argv], stdout)
            lines = report.read().split()
        rss, method = int(lines[-1]), "GNU time"
    else:
        wall, rss, code = polled(argv, stdout)
        method = "/proc VmHWM polling"
    return wall, rss, method, code


def startup(args):
    if args[:1] != ["--runs"]:
        sys.exit("usage: measure.py startup --runs R --label A -- CMD... --label B -- CMD...")
    runs = int(args[1])
    commands = []
    rest = args[2:]
    while rest:
        if rest[0] != "--label" or rest[2] != "--":
            sys.exit("usage: measure.py startup --runs R --label A -- CMD... --label B -- CMD...")
        label = rest[1]
        rest = rest[3:]
        end = rest.index("--label") if "--label" in rest else len(rest)
        commands.append((label, rest[:end]))
        rest = rest[end:]
    times = {label: [] for label, _ in commands}
    for i in range(runs + 10):
        for label, argv in commands:
            wall, _, code = spawn(argv, "/dev/null")
            if code != 0:
                sys.exit(f"{label}: {' '.join(argv)} exited with {code}")
            if i >= 10:  # the first ten are warm-up
                times[label].append(wall * 1000)
    print(json.dumps({
        label: {
            "runs": len(t),
            "median_ms": statistics.median(t),
            "mean_ms": statistics.fmean(t),
            "min_ms": min(t),
        }
        for label, t in times.items()
    }))


def main():
    if len(sys.argv) < 2 or sys.argv[1] not in ("run", "startup"):
        sys.exit(__doc__)
    {"run": run, "startup": startup}[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    main()
