#!/usr/bin/env bash
# slacalc end-to-end benchmark: batch throughput and peak memory, process
# start-up against a trivial Rust binary, and two Python peers
# (businesstimedelta, pandas) on the deadlines they can express, all in one
# run on this machine, ending with one printed summary.
#
# Needs: cargo (and rustc), python3 with venv or pip, network for PyPI.
# Not part of CI. Takes a few minutes at the default N.
#
# Environment:
#   N=1000000          tickets in the batch workload (also timed at N/10)
#   SEED=2026          workload RNG seed
#   PEER_SAMPLE=20000  europe tickets given to the peers
#   STARTUP_RUNS=200   process starts per command for the start-up ratio
#   BATCH_RUNS=3       batch runs at N and at N/10 (best wall time, largest RSS)
#   EVENT_COPIES=1000  copies of examples/events.jsonl in the event-log workload
#                      (1,358 events and 300 tickets each)
#   PEERS_VENV=DIR     reuse (or create) the peers' venv there instead of a
#                      fresh one in the temp dir
#   KEEP=1             keep the temp dir (workload, outputs) and print its path
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(dirname "$here")"
N="${N:-1000000}"
SEED="${SEED:-2026}"
PEER_SAMPLE="${PEER_SAMPLE:-20000}"
STARTUP_RUNS="${STARTUP_RUNS:-200}"
BATCH_RUNS="${BATCH_RUNS:-3}"
EVENT_COPIES="${EVENT_COPIES:-1000}"
N10=$(( N / 10 ))
if (( N10 < 1 )); then
  echo "run.sh: N must be at least 10" >&2
  exit 2
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/slacalc-bench.XXXXXX")"
if [[ "${KEEP:-0}" == 1 ]]; then
  trap 'echo "kept: $work" >&2' EXIT
else
  trap 'rm -rf "$work"' EXIT
fi
say() { printf '\n== %s\n' "$*" >&2; }
py() { python3 "$@"; }
json() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2], {"d": d}))' "$@"; }

load_start="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"

# a. Binaries ---------------------------------------------------------------
say "building the release binary"
(cd "$repo" && cargo build --release --quiet)
target_dir="$(cd "$repo" && cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')"
slacalc="$target_dir/release/slacalc"
[[ -x "$slacalc" ]] || { echo "run.sh: no binary at $slacalc" >&2; exit 1; }
rustc -O -o "$work/hello" "$here/hello.rs"

# b. Workload ---------------------------------------------------------------
say "generating $N tickets (seed $SEED)"
py "$here/gen_workload.py" --n "$N" --seed "$SEED" --out "$work/tickets.jsonl"
head -n "$N10" "$work/tickets.jsonl" > "$work/tickets-10.jsonl"
paused=$(grep -c '"pauses"' "$work/tickets.jsonl" || true)

# c. Batch throughput and peak RSS -----------------------------------------
batch() { # $1: input file, $2: report file
  local input=$1 report=$2
  py "$here/measure.py" run --repeat "$BATCH_RUNS" -- "$slacalc" deadline --input "$input" --format json > "$report"
  local code
  code=$(json "$report" 'd["exit"]')
  if [[ "$code" != 0 ]]; then
    echo "run.sh: slacalc exited with $code on $input; its first error lines:" >&2
    "$slacalc" deadline --input "$input" --format json 2>/dev/null | grep '"error"' | head -n 5 >&2 || true
    batch_errors=1
  fi
}
batch_errors=0
say "batch: $N tickets"
batch "$work/tickets.jsonl" "$work/batch-n.json"
say "batch: $N10 tickets"
batch "$work/tickets-10.jsonl" "$work/batch-n10.json"
say "batch: $N tickets on 1 and on 2 workers (--jobs)"
# Output to a file: the kernel's writing is part of what the workers wait on.
for jobs in 1 2; do
  py "$here/measure.py" run --repeat "$BATCH_RUNS" --stdout "$work/out-j$jobs.jsonl" -- \
    "$slacalc" deadline --input "$work/tickets.jsonl" --format json --jobs "$jobs" > "$work/batch-j$jobs.json"
done
cmp -s "$work/out-j1.jsonl" "$work/out-j2.jsonl" || { echo "run.sh: --jobs 2 wrote other bytes than --jobs 1" >&2; batch_errors=1; }
# One checked pass over the output: every line a result, none an error.
lines_out=$("$slacalc" deadline --input "$work/tickets-10.jsonl" --format json 2>/dev/null | grep -vc '"error"' || true)

say "audit --events: $EVENT_COPIES copies of the example log on 1 and on 2 workers"
py "$here/gen_event_log.py" --copies "$EVENT_COPIES" --out "$work/events.jsonl"
events=$(wc -l < "$work/events.jsonl")
for mode in tickets summary; do
  extra=(); [[ "$mode" == tickets ]] && extra=(--tickets)
  for jobs in 1 2; do
    py "$here/measure.py" run --repeat "$BATCH_RUNS" --stdout "$work/events-$mode-j$jobs.out" -- \
      "$slacalc" audit --events "$work/events.jsonl" --as-of 2026-11-29T23:59:59Z --format json \
      --jobs "$jobs" "${extra[@]}" > "$work/events-$mode-j$jobs.json"
  done
  cmp -s "$work/events-$mode-j1.out" "$work/events-$mode-j2.out" \
    || { echo "run.sh: audit --events ($mode) --jobs 2 wrote other bytes than --jobs 1" >&2; batch_errors=1; }
done

# d. Start-up ---------------------------------------------------------------
say "start-up: $STARTUP_RUNS runs each"
py "$here/measure.py" startup --runs "$STARTUP_RUNS" \
  --label slacalc -- "$slacalc" deadline --plan gold --priority p2 --desk europe --opened 2026-11-20T17:30:00+01:00 \
  --label hello -- "$work/hello" > "$work/startup.json"

# e. Peers ------------------------------------------------------------------
venv="${PEERS_VENV:-$work/venv}"
say "peers: installing businesstimedelta and pandas into $venv"
if [[ -x "$venv/bin/python" ]] || python3 -m venv "$venv" 2>/dev/null; then
  peer_python="$venv/bin/python"
  "$peer_python" -m pip install --quiet --disable-pip-version-check businesstimedelta pandas
else
  # No venv module (Debian without python3-venv): the user site instead.
  echo "run.sh: python3 -m venv failed; installing into the user site" >&2
  peer_python=python3
  python3 -m pip install --quiet --user --disable-pip-version-check businesstimedelta pandas \
    || python3 -m pip install --quiet --user --break-system-packages --disable-pip-version-check businesstimedelta pandas
fi
say "peers: $PEER_SAMPLE sampled tickets"
"$peer_python" "$here/peers.py" --workload "$work/tickets.jsonl" --slacalc "$slacalc" --repo "$repo" \
  --workdir "$work" --sample "$PEER_SAMPLE" --report "$work/peers.json"

# f. Summary ----------------------------------------------------------------
python3 - "$work" "$N" "$N10" "$paused" "$lines_out" "$batch_errors" "$(nproc)" "$load_start" "$events" "$EVENT_COPIES" <<'EOF'
import json, platform, sys
from pathlib import Path
work, n, n10, paused, lines_out, batch_errors, cpus, load_start, events, copies = sys.argv[1:]
events, tickets = int(events), 300 * int(copies)
work, n, n10 = Path(work), int(n), int(n10)
load = lambda name: json.loads((work / name).read_text())
big, small, start, peers = load("batch-n.json"), load("batch-n10.json"), load("startup.json"), load("peers.json")
j1, j2 = load("batch-j1.json"), load("batch-j2.json")
tps = n / big["wall_s"]
tps10 = n10 / small["wall_s"]
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.machine())
print()
print("slacalc benchmark summary (bench/run.sh, one run)")
print(f"machine: {cpu}, {cpus} CPUs, load average at start {load_start}; slacalc release build")
print()
print(f"batch `slacalc deadline --input FILE --format json > /dev/null` (4 desks, 3 plans x 4 priorities, {int(paused):,} of {n:,} with a pause):")
print(f"  N    = {n:>9,}: {big['wall_s']:7.2f} s wall, {tps:>11,.0f} tickets/s, peak RSS {big['max_rss_kib'] / 1024:6.1f} MiB")
print(f"  N/10 = {n10:>9,}: {small['wall_s']:7.2f} s wall, {tps10:>11,.0f} tickets/s, peak RSS {small['max_rss_kib'] / 1024:6.1f} MiB")
print(f"  (best of {len(big['walls_s'])} runs each; peak RSS by {big['rss_method']}; N/10 output: {int(lines_out):,} result lines of {n10:,}; "
      f"batch errors: {'yes, see above' if batch_errors != '0' else 'none'})")
print(f"  --jobs 1: {n / j1['wall_s']:>11,.0f} tickets/s; --jobs 2: {n / j2['wall_s']:>11,.0f} tickets/s; "
      f"2 workers / 1 = {j1['wall_s'] / j2['wall_s']:.2f}x (default: one worker per core)")
print()
print(f"`slacalc audit --events FILE --format json > FILE`: {events:,} events, {tickets:,} tickets (best of {len(j1['walls_s'])} runs):")
for mode, what in (("tickets", "--tickets, a line a ticket"), ("summary", "the summary")):
    e1, e2 = load(f"events-{mode}-j1.json"), load(f"events-{mode}-j2.json")
    print(f"  {what:<27} --jobs 1: {events / e1['wall_s']:>11,.0f} events/s; --jobs 2: {events / e2['wall_s']:>11,.0f} events/s; "
          f"2 workers / 1 = {e1['wall_s'] / e2['wall_s']:.2f}x")
s, h = start["slacalc"], start["hello"]
print()
print(f"start-up, {s['runs']} runs each, median wall time spawn-to-exit:")
print(f"  slacalc deadline --plan gold --priority p2 --desk europe --opened ...: {s['median_ms']:.2f} ms (min {s['min_ms']:.2f})")
print(f"  trivial Rust hello (rustc -O):                                       {h['median_ms']:.2f} ms (min {h['min_ms']:.2f})")
print(f"  ratio slacalc / hello: {s['median_ms'] / h['median_ms']:.2f}x")
sl = peers["slacalc"]
print()
print(f"peers: europe desk, 2h/4h/8h targets, extended clock (Mon-Sat 09-18, exact for europe: its holidays keep")
print(f"09-18 on the extended clock) and standard clock with the Italian holidays; {peers['sample']:,} sampled")
print(f"tickets timed, plus {peers['probes']:,} untimed probes at whole hours (spring DST + Easter, Christmas-Epiphany).")
print(f"Peer rate (Python {peers['python']}): per ticket from the RFC 3339 string to a UTC instant, in-process, best of 3;")
print(f"slacalc: the whole batch process on the same tickets (start-up, JSON in and out), best of 3.")
print(f"  slacalc on the same sample: {sl['tickets_per_s']:>11,.0f} tickets/s (whole process, {peers['sample']:,} tickets); "
      f"full workload {tps:,.0f}/s")
for name, p in peers["peers"].items():
    print(f"  {name:<36} {p['tickets_per_s']:>11,.0f} tickets/s; slacalc is {sl['tickets_per_s'] / p['tickets_per_s']:,.0f}x "
          f"(same sample), {tps / p['tickets_per_s']:,.0f}x (full workload rate)")
print()
print("disagreements with slacalc (judged by a direct reading of SPEC §3 in peers.py):")
for name, p in peers["peers"].items():
    for part in ("sample", "probes"):
        c = p[part]
        total = c["extended"] + c["standard"]
        line = f"  {name:<36} {part:<7}: {total:>5,} (extended {c['extended']:,}, standard {c['standard']:,})"
        if total:
            line += f"; slacalc right {c['slacalc_right']:,}, peer right {c['peer_right']:,}, neither {c['neither']:,}"
        print(line)
        for why, count in c["reasons"].items():
            print(f"      {count:,} x {why}")
for name, p in peers["peers"].items():
    for part in ("sample", "probes"):
        for e in p[part]["examples"][:2]:
            print(f"  e.g. {name.split()[0]}: opened {e['opened']} +{e['target']} {e['clock']}: slacalc {e['slacalc']}, "
                  f"peer {e['peer']}, SPEC {e['reference']}")
print(f"slacalc vs the SPEC reading on all {peers['sample'] + peers['probes']:,} peer tickets: "
      f"{sl['differs_from_reference']} differ; slacalc error lines: {sl['error_count']}")
for e in sl["reference_examples"]:
    print(f"  slacalc differs: opened {e['opened']} +{e['target']} {e['clock']}: slacalc {e['slacalc']}, SPEC {e['reference']}")
for e in sl["errors"]:
    print(f"  slacalc error: {e}")
EOF
