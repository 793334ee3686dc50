#!/usr/bin/env python3
"""Generate the example help-desk event log for `slacalc audit` and `queue`.

Writes two files next to this script, holding the same events:

  examples/events.jsonl        SPEC §9 event log, one JSON object a line
  examples/helpdesk-export.csv the same events as a help-desk CSV export with
                               its own column names and extra columns

About 300 tickets opened from Monday 2026-11-16 to Sunday 2026-11-29 at the
four desks (americas, europe, middle-east, uae), plans basic/gold/platinum,
priorities P1-P4, with waits, priority changes, P1 notifications, first
responses, escalations and closes; lines are sorted by instant. Deadlines are
worked out here with a small model of the desks' clocks (calendars/*.toml,
plans/imagiclecare.toml) so that most responses and escalations are on time
and a realistic minority late or missing. Standard library only, fixed random
seed: the output is the same on every run.

Rerun from the project root:

    python3 examples/make_events.py

Read the CSV with:

    slacalc audit --events examples/helpdesk-export.csv \\
      --map ticket="Ticket ID" --map at="Event Time" --map type=Event \\
      --map desk="Support Desk" --map to="Assigned To"
"""

import csv
import json
import math
import os
import random
from datetime import date, datetime, timedelta, timezone

SEED = 20261122
TICKETS = 300
FIRST_ID = 20001
FIRST_DAY = date(2026, 11, 16)  # Monday
DAYS = 14  # to Sunday 2026-11-29
CUTOFF = datetime(2026, 11, 29, 23, 59, 59, tzinfo=timezone.utc)
# Scales the agents' active time per ticket (larger: more tickets open).
WORK_SCALE = 0.7
# Share of tickets whose escalations are logged carefully (the rest: often
# late or never).
ESCALATION_CARE = 0.7
# Share of hard tickets that run for days (and reach higher escalation steps).
HARD_SHARE = {"P1": 0.35, "P2": 0.20, "P3": 0.05, "P4": 0.03}
# The latest best-effort first response, in standard business seconds.
BEST_EFFORT_MAX = 12 * 3600
# The longest customer wait.
WAIT_MAX = 2 * 24 * 3600

HERE = os.path.dirname(os.path.abspath(__file__))
UTC = timezone.utc
H = 3600
M = 60

# ---------------------------------------------------------------- desks ---
# No desk changes DST between November 2026 and March 2027 (New York left
# DST on 1 Nov, Rome on 25 Oct; Dubai has none), so fixed offsets are exact.
# Weekday numbers: Monday 0 ... Sunday 6.
DESKS = {
    "americas": {
        "offset": -5,
        "standard": {d: [(7, 17)] for d in (0, 1, 2, 3, 4)},
        "extended": {5: [(7, 12)]},
        "holiday": [(7, 12)],
        # Thanksgiving (4th Thursday of November), Christmas (Friday).
        "holidays": {date(2026, 11, 26), date(2026, 12, 25), date(2027, 1, 1),
                     date(2027, 1, 18), date(2027, 2, 15)},
        "weight": 0.30,
    },
    "europe": {
        "offset": 1,
        "standard": {d: [(9, 18)] for d in (0, 1, 2, 3, 4)},
        "extended": {5: [(9, 18)]},
        "holiday": [(9, 18)],
        "holidays": {date(2026, 12, 8), date(2026, 12, 25), date(2026, 12, 26),
                     date(2027, 1, 1), date(2027, 1, 6)},
        "weight": 0.40,
    },
    "middle-east": {
        "offset": 4,
        "standard": {d: [(9, 18)] for d in (6, 0, 1, 2, 3)},
        "extended": {5: [(12, 18)]},
        "holiday": [(12, 18)],
        "holidays": {date(2026, 12, 2), date(2026, 12, 3), date(2027, 1, 1)},
        "weight": 0.15,
    },
    "uae": {
        "offset": 4,
        "standard": {d: [(9, 18)] for d in (0, 1, 2, 3, 4)},
        "extended": {5: [(12, 18)]},
        "holiday": [(12, 18)],
        "holidays": {date(2026, 12, 2), date(2026, 12, 3), date(2027, 1, 1)},
        "weight": 0.15,
    },
}

# ---------------------------------------------------------------- plans ---
# (amount, unit, clock) from plans/imagiclecare.toml; None = best effort.
NOTIFY = {
    "basic": (4 * H, "standard"),
    "gold": (30 * M, "extended"),
    "platinum": (30 * M, "24x7"),
}
RESPONSE = {
    "basic": {"P1": ("bd", 1), "P2": ("bd", 2), "P3": None, "P4": None},
    "gold": {"P1": (60 * M, "extended"), "P2": (2 * H, "extended"),
             "P3": (4 * H, "extended"), "P4": (8 * H, "extended")},
    "platinum": {"P1": (60 * M, "24x7"), "P2": (2 * H, "24x7"),
                 "P3": (4 * H, "extended"), "P4": (8 * H, "extended")},
}
ESCALATION_STEPS = {
    "basic": [("bd", n) for n in (2, 3, 5, 10, 20)],
    "gold": [(n * H, "extended") for n in (2, 4, 8, 16, 40)],
    "platinum": [(n * H, "extended") for n in (2, 4, 8, 16, 40)],
}
INITIAL_HOLDER = "Support Team"
MATRIX = {
    "P1": ["Team Leader", "", "Support Manager", "Co-CEO and CTO", ""],
    "P2": ["Support Team", "Team Leader", "", "Support Manager", "Co-CEO and CTO"],
    "P3": ["Support Team", "", "", "Team Leader", "Support Manager"],
    "P4": ["Support Team", "", "", "", "Team Leader"],
}

# ---------------------------------------------------------------- clocks ---
_windows = {}


def _ts(dt):
    return int(dt.timestamp())


def windows(desk, clock):
    """Open intervals [a, b) in epoch seconds, Nov 2026 - Mar 2027."""
    key = (desk, clock)
    if key in _windows:
        return _windows[key]
    if clock == "24x7":
        out = [(-(10**12), 10**12)]
    else:
        d = DESKS[desk]
        tz = timezone(timedelta(hours=d["offset"]))
        out = []
        day = date(2026, 11, 1)
        while day < date(2027, 4, 1):
            wd = day.weekday()
            holiday = day in d["holidays"]
            spans = []
            if wd in d["standard"]:
                if not holiday:
                    spans = d["standard"][wd]
                elif clock == "extended":
                    spans = d["holiday"]
            elif clock == "extended" and wd in d["extended"]:
                spans = d["extended"][wd]
            for a, b in spans:
                base = datetime(day.year, day.month, day.day, tzinfo=tz)
                out.append((_ts(base + timedelta(hours=a)), _ts(base + timedelta(hours=b))))
            day += timedelta(days=1)
    _windows[key] = out
    return out


def minus(wins, pauses):
    """Windows with the pauses cut out."""
    out = []
    for a, b in wins:
        segs = [(a, b)]
        for pa, pb in pauses:
            nxt = []
            for sa, sb in segs:
                if pb <= sa or pa >= sb:
                    nxt.append((sa, sb))
                else:
                    if sa < pa:
                        nxt.append((sa, pa))
                    if pb < sb:
                        nxt.append((pb, sb))
            segs = nxt
        out.extend(segs)
    return out


def clock_time(a, b, wins):
    return sum(max(0, min(b, wb) - max(a, wa)) for wa, wb in wins)


def add(start, seconds, wins):
    """Earliest t >= start with `seconds` of clock time in [start, t)."""
    left = seconds
    for wa, wb in wins:
        if wb <= start:
            continue
        a = max(wa, start)
        if wb - a >= left:
            return a + left
        left -= wb - a
    return 10**12  # not within the modelled months: never, for our purposes


def local_date(desk, t):
    off = DESKS[desk]["offset"]
    return datetime.fromtimestamp(t + off * H, UTC).date()


def due(desk, target, start, pauses):
    """Due instant of a target (SPEC §3), pauses after the opening."""
    unit, amount = target[0], target[1]
    if unit == "bd":
        std = windows(desk, "standard")
        day = local_date(desk, start)
        # one standard window a day at every desk: the N-th window on a
        # local date after the start's closes at the due instant D0
        later = [w for w in std if local_date(desk, w[0]) > day]
        d0 = later[amount - 1][1]
        length = clock_time(start, d0, std)
        return add(start, length, minus(std, pauses))
    seconds, clock = target
    return add(start, seconds, minus(windows(desk, clock), pauses))


def clock_of(target):
    if target[0] == "bd":
        return "standard"
    return target[1]


# ------------------------------------------------------------ text bits ---
AGENTS = {
    "americas": ["Maria Gonzalez", "James Carter", "Ana Souza", "Kevin O'Brien", "Lucia Fernandez"],
    "europe": ["Giulia Rossi", "Marco Bianchi", "Sabine Keller", "Luca Ferrari", "Chiara Conti",
               "Thomas Weber"],
    "middle-east": ["Omar Haddad", "Layla Nasser", "Rami Khoury", "Fatima Al Zahra"],
    "uae": ["Ahmed Al Mansoori", "Priya Nair", "Hassan Saeed", "Noura Al Ali"],
}
SUBJECTS = [
    "Call recording stopped after upgrade",
    "Attendant console: calls not transferred",
    "Billing report missing, Tuesday's calls",
    "Licence activation fails on new node",
    "Phone directory sync error (LDAP)",
    "Queue announcements play twice",
    "Voicemail to e-mail not delivered",
    "HA replication lag, secondary node",
    "Disk space alert on recording server",
    "Cannot log in to admin portal",
    "Speed dial shows wrong caller name",
    "Upgrade to Summer release: pre-check failed",
    "Auto attendant: holiday schedule not applied",
    "CDR import stuck, database almost full",
    "Cloud connection failure, licensing portal",
    "Webex plugin crashes on start",
    "Hunt group statistics empty",
    "Certificate expired, HTTPS warning",
    "Recording search slow, timeouts",
    "Feature request: export to CSV, PDF",
    "Contact center agent states wrong",
    "Password reset e-mail not received",
    "VoIP stack crash after CUCM update",
    "Budget control: wrong cost centre",
    "Backup job failed, no space left",
]
CHANNELS = ["Web portal", "E-mail", "Phone", "Proactive monitor"]

# ------------------------------------------------------------- sampling ---


def loguniform(rng, lo, hi):
    return math.exp(rng.uniform(math.log(lo), math.log(hi)))


def pick(rng, weights):
    keys = list(weights)
    return rng.choices(keys, [weights[k] for k in keys])[0]


def opening(rng, desk):
    """An opening instant: mostly in standard hours, some nights/weekends."""
    std = [w for w in windows(desk, "standard")
           if local_date(desk, w[0]) >= FIRST_DAY
           and local_date(desk, w[0]) < FIRST_DAY + timedelta(days=DAYS)]
    off = DESKS[desk]["offset"]
    while True:
        if rng.random() < 0.84:
            a, b = rng.choice(std)
            # busier in the morning
            t = a + int((b - a) * rng.random() ** 1.3)
        else:
            day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
            base = _ts(datetime(day.year, day.month, day.day, tzinfo=UTC)) - off * H
            t = base + rng.randrange(24 * H)
            if any(wa <= t < wb for wa, wb in std):
                continue
        if t <= _ts(CUTOFF) - 2 * H:
            return t


def holder_text(rng, name):
    r = rng.random()
    if r < 0.08:
        return name.lower()
    if r < 0.11:
        return name.upper()
    return name


def snap(rng, desk, clock, t):
    """An agent's action: at t if the desk is open then, else soon after the
    next opening (the on-call 24x7 clock is always open)."""
    for wa, wb in windows(desk, clock):
        if wb <= t:
            continue
        if wa <= t:
            return t
        return min(wb - M, wa + int(loguniform(rng, 2 * M, 90 * M)))
    return t


def raised_or_lowered(rng, p, raise_p):
    order = ["P1", "P2", "P3", "P4"]
    i = order.index(p)
    if i == 0 or (i < 3 and rng.random() >= raise_p):
        return order[i + 1]
    return order[i - 1]


def make_ticket(rng, esc):
    """One ticket's events; `esc` draws its escalation logging."""
    desk = pick(rng, {k: v["weight"] for k, v in DESKS.items()})
    plan = pick(rng, {"basic": 0.42, "gold": 0.38, "platinum": 0.20})
    prio = pick(rng, {"P1": 0.05, "P2": 0.20, "P3": 0.50, "P4": 0.25})
    t0 = opening(rng, desk)
    ev = [(t0, 0, "opened", {"plan": plan, "priority": prio, "desk": desk})]
    channels = CHANNELS if plan != "basic" else CHANNELS[:3]
    meta = {"subject": rng.choice(SUBJECTS), "agent": rng.choice(AGENTS[desk]), "desk": desk,
            "channel": rng.choice(channels)}
    prios = [(t0, prio)]  # (from, priority)
    business = "standard" if plan == "basic" else "extended"

    def agent_clock(p):
        # platinum P1/P2 are worked on call around the clock
        return "24x7" if plan == "platinum" and p in ("P1", "P2") else business

    # A priority change before the first response (raised or lowered).
    early = None
    if rng.random() < 0.11:
        early = raised_or_lowered(rng, prio, {"P1": 0, "P2": 0.3, "P3": 0.55, "P4": 1}[prio])
    p_resp = early or prio

    # The first response: on time for most, late for a minority.
    target = RESPONSE[plan][p_resp]
    if target is None:
        resp = add(t0, int(loguniform(rng, 0.5 * H, BEST_EFFORT_MAX)), windows(desk, "standard"))
    else:
        resp_due = due(desk, target, t0, [])
        wins = windows(desk, clock_of(target))
        length = clock_time(t0, resp_due, wins)
        if rng.random() < 0.85:
            resp = add(t0, int(length * rng.uniform(0.1, 0.97)), wins)
        else:
            late = loguniform(rng, 4 * M, 30 * H if target[0] == "bd" else 5 * H)
            resp = snap(rng, desk, agent_clock(p_resp), resp_due + int(late))
    resp = max(resp, t0 + 2 * M) + rng.randrange(60)
    no_response = rng.random() < 0.01
    if early:
        tc = snap(rng, desk, agent_clock(prio), t0 + int((resp - t0) * rng.uniform(0.05, 0.6)))
        tc = max(t0 + M, min(tc, resp - rng.randrange(M, 5 * M)))
        ev.append((tc, 1, "priority", {"priority": early}))
        prios.append((tc, early))
    if not no_response:
        ev.append((resp, 1, "responded", {}))

    # The P1 priority notification: mostly on time, some late, a few never.
    def notify(since):
        # since: when the ticket became P1 (the target still runs from the
        # opening, so a ticket raised to P1 late is notified late)
        nt, clock = NOTIFY[plan]
        ndue = due(desk, (nt, clock), t0, [])
        wins = windows(desk, clock)
        if since < ndue and rng.random() < 0.88:
            t = add(since, int(clock_time(since, ndue, wins) * rng.uniform(0.15, 0.9)), wins)
        elif since < ndue:
            t = snap(rng, desk, agent_clock("P1"), ndue + int(loguniform(rng, 3 * M, 3 * H)))
        else:
            t = snap(rng, desk, agent_clock("P1"), since + int(loguniform(rng, 3 * M, 40 * M)))
        if rng.random() < 0.95:
            ev.append((max(t + rng.randrange(60), since + M), 1, "notified", {}))

    if prio == "P1":
        notify(t0)
    elif early == "P1":
        notify(prios[-1][0])

    # Work after the response: W of wall-clock time with customer waits in
    # it; some tickets are hard ones that run for days.
    cur = prios[-1][1]
    work = {"P1": (1 * H, 10 * H), "P2": (1.5 * H, 20 * H),
            "P3": (2 * H, 24 * H), "P4": (3 * H, 36 * H)}[cur]
    W = int(loguniform(rng, *work) * WORK_SCALE)
    if rng.random() < HARD_SHARE[cur]:
        W = int(loguniform(rng, *({"P1": (16 * H, 3 * 24 * H)}.get(cur, (2 * 24 * H, 9 * 24 * H)))))
    nwaits = pick(rng, {0: 0.45, 1: 0.37, 2: 0.14, 3: 0.04})
    if cur == "P1":
        nwaits = min(nwaits, 1)
    if no_response:
        nwaits = 0
    start_work = t0 if no_response else resp
    offsets = sorted(rng.uniform(0.05, 0.9) * W for _ in range(nwaits))
    pauses = []
    shift = 0
    for o in offsets:
        # the agent asks the customer (in working time); the customer
        # answers whenever, which reopens the ticket
        a = start_work + int(o) + shift
        if pauses and a <= pauses[-1][1]:
            a = pauses[-1][1] + int(loguniform(rng, 20 * M, 6 * H))
        a = snap(rng, desk, agent_clock(cur), a)
        length = int(loguniform(rng, 1 * H, WAIT_MAX))
        pauses.append((a, a + length))
        shift += length
    close = start_work + W + shift
    if pauses:
        close = max(close, pauses[-1][1] + int(loguniform(rng, 20 * M, 8 * H)))
    close = snap(rng, desk, agent_clock(cur), close)
    if no_response:
        close = max(close, _ts(CUTOFF) + 24 * H)  # no answer yet: still open
    stays_waiting = pauses and rng.random() < 0.25
    for i, (a, b) in enumerate(pauses):
        ev.append((a, 2, "status", {"status": rng.choice(
            ["waiting", "waiting", "pending", "on-hold", "Waiting"])}))
        if stays_waiting and i == len(pauses) - 1:
            # the customer never answers: waiting until the close, or still
            pauses[-1] = (a, close + 10**7)
        else:
            ev.append((b, 2, "status", {"status": rng.choice(
                ["open", "in progress", "open", "In Progress"])}))

    # A priority change after the response.
    if not no_response and rng.random() < 0.10:
        new = raised_or_lowered(rng, cur, {"P1": 0, "P2": 0.25, "P3": 0.5, "P4": 1}[cur])
        t = snap(rng, desk, agent_clock(cur), resp + int((close - resp) * rng.uniform(0.1, 0.7)))
        if t < close:
            ev.append((t, 3, "priority", {"priority": new}))
            prios.append((t, new))
            if new == "P1":
                notify(t)

    def prio_at(t):
        p = prios[0][1]
        for tt, pp in prios:
            if tt <= t:
                p = pp
        return p

    # Escalations: whom the ladder of the priority in force at each step
    # reaches; mostly on time, some late, some never logged.
    careful = esc.random() < ESCALATION_CARE
    for k, step in enumerate(ESCALATION_STEPS[plan]):
        dk = due(desk, step, t0, pauses)
        if dk >= close or dk > _ts(CUTOFF):
            break
        ladder = MATRIX[prio_at(dk)]
        holder = ladder[k]
        before = next((h for h in reversed(ladder[:k]) if h), INITIAL_HOLDER)
        if not holder or holder == before:
            continue  # no change of holder: nothing to escalate
        r = esc.random()
        miss, late = (0.08, 0.12) if careful else (0.45, 0.35)
        if r < miss:
            continue
        if r < miss + late:
            t = snap(esc, desk, business, dk + int(loguniform(esc, 5 * M, 20 * H)))
        else:
            t = dk - int(esc.uniform(1 * M, 45 * M))
        t = max(t, t0 + M)
        ev.append((t, 4, "escalated", {"to": holder_text(esc, holder)}))

    # The close: a closed event, or a closing status.
    if close <= _ts(CUTOFF):
        if rng.random() < 0.25:
            ev.append((close, 9, "status", {"status": rng.choice(["solved", "Solved"])}))
        else:
            ev.append((close, 9, "closed", {}))
    ev = [e for e in ev if e[0] <= min(close, _ts(CUTOFF))]
    ev.sort(key=lambda e: (e[0], e[1]))
    return t0, ev, meta


def iso(desk, t):
    tz = timezone(timedelta(hours=DESKS[desk]["offset"]))
    return datetime.fromtimestamp(t, tz).isoformat()


def main():
    # one random stream per ticket (and one for its escalations), so that
    # a change to one part leaves the rest of the log as it was
    tickets = [make_ticket(random.Random(f"{SEED}/{i}"), random.Random(f"{SEED}/{i}/escalation"))
               for i in range(TICKETS)]
    tickets.sort(key=lambda t: t[0])
    rows = []
    for n, (t0, ev, meta) in enumerate(tickets):
        tid = f"T-{FIRST_ID + n}"
        for seq, (t, _, kind, fields) in enumerate(ev):
            rows.append((t, n, seq, tid, kind, fields, meta))
    rows.sort(key=lambda r: (r[0], r[1], r[2]))  # by instant, ties stable

    with open(os.path.join(HERE, "events.jsonl"), "w", encoding="utf-8") as f:
        for t, _, _, tid, kind, fields, meta in rows:
            obj = {"ticket": tid, "at": iso(meta["desk"], t), "type": kind}
            obj.update(fields)
            if kind == "opened":
                # Extra fields an export carries; `audit --by` can group by them.
                obj.update({"agent": meta["agent"], "channel": meta["channel"]})
            f.write(json.dumps(obj) + "\n")

    header = ["Ticket ID", "Event Time", "Event", "Plan", "Priority", "Support Desk",
              "Status", "Assigned To", "Subject", "Agent", "Channel"]
    with open(os.path.join(HERE, "helpdesk-export.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for t, _, _, tid, kind, fields, meta in rows:
            channel = meta["channel"] if kind == "opened" else ""
            w.writerow([tid, iso(meta["desk"], t), kind, fields.get("plan", ""),
                        fields.get("priority", ""), fields.get("desk", ""),
                        fields.get("status", ""), fields.get("to", ""), meta["subject"],
                        meta["agent"], channel])


if __name__ == "__main__":
    main()
