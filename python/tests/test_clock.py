"""Business time, holidays and escalation steps over columns, worked out by
hand from SPEC §3 and §5 and the europe calendar (Europe/Rome, CET in
November; standard Mon-Fri 09-18, extended adds Sat 09-18)."""

import datetime as dt

import pyarrow as pa
import pytest

import slacalc

UTC = dt.timezone.utc


def instants(*texts):
    return pa.array(list(texts)).cast(pa.timestamp("s", tz="UTC"))


def at(text):
    return dt.datetime.fromisoformat(text).replace(tzinfo=UTC)


def test_add_before_and_elapsed():
    # Mon 2026-11-23 09:00Z = 10:00 CET, + 2 standard hours = 12:00 CET.
    added = slacalc.clock_add(["europe"], instants("2026-11-23T09:00:00Z"), [7200])
    assert added.column("due").to_pylist() == [at("2026-11-23T11:00:00")]
    # 2 standard hours before Mon 11:00 CET: 09:00 CET, the opening.
    before = slacalc.clock_before(
        ["europe"], instants("2026-11-23T10:00:00Z"), pa.array([dt.timedelta(hours=2)])
    )
    assert before.column("start").to_pylist() == [at("2026-11-23T08:00:00")]
    # Fri 17:00 CET to Mon 10:00 CET on the extended clock: 1 h Friday,
    # 9 h Saturday, 1 h Monday = 11 h.
    elapsed = slacalc.clock_elapsed(
        ["europe"], instants("2026-11-20T16:00:00Z"), instants("2026-11-23T09:00:00Z"), clock="extended"
    )
    assert elapsed.column("elapsed_seconds").to_pylist() == [11 * 3600]
    # The same on the standard clock skips Saturday: 1 h + 1 h.
    elapsed = slacalc.clock_elapsed(
        ["europe"], instants("2026-11-20T16:00:00Z"), instants("2026-11-23T09:00:00Z")
    )
    assert elapsed.column("elapsed_seconds").to_pylist() == [2 * 3600]


def test_a_bad_row_of_a_clock_column_is_an_error_in_its_place():
    table = slacalc.clock_add(["atlantis", "europe"], instants("2026-11-23T09:00:00Z", "2026-11-23T09:00:00Z"), [60, 60])
    assert table.column("error")[0].as_py().startswith("unknown desk 'atlantis'")
    assert table.column("due").to_pylist() == [None, at("2026-11-23T09:01:00")]
    with pytest.raises(ValueError, match="sundial"):
        slacalc.clock_add(["europe"], instants("2026-11-23T09:00:00Z"), [60], clock="sundial")


def test_holidays_of_a_year():
    table = slacalc.holidays("europe", 2026)
    days = dict(zip(table.column("date").to_pylist(), table.column("name").to_pylist()))
    # Easter 2026 is 5 April: Easter Monday the 6th; Christmas on a Friday.
    assert days[dt.date(2026, 4, 6)].startswith("Lunedì dell'Angelo")
    assert dt.date(2026, 12, 25) in days
    assert dt.date(2026, 12, 24) not in days


def test_escalation_steps_of_a_gold_p2():
    # Gold P2 at europe opened Mon 09:00 CET; steps on the extended clock:
    # 2 h 11:00, 4 h 13:00, 8 h 17:00, 16 h Tue 16:00 (9 h Monday + 7),
    # 40 h Fri 13:00 (9 h Mon to Thu = 36, then 4). P2's ladder: Support
    # Team, Team Leader, no change, Support Manager, Co-CEO and CTO.
    table = slacalc.escalation(["gold"], ["P2"], ["europe"], instants("2026-11-23T08:00:00Z"))
    row = table.to_pylist()[0]
    assert [row[f"step_{k}_due"] for k in range(1, 6)] == [
        at("2026-11-23T10:00:00"),
        at("2026-11-23T12:00:00"),
        at("2026-11-23T16:00:00"),
        at("2026-11-24T15:00:00"),
        at("2026-11-27T12:00:00"),
    ]
    assert [row[f"step_{k}_reaches"] for k in range(1, 6)] == [
        "Support Team", "Team Leader", None, "Support Manager", "Co-CEO and CTO",
    ]
    assert row["error"] is None


def test_audit_verdicts_as_the_command_line_gives_them():
    # Gold P2 at europe, opened Fri 2026-11-20 17:30 CET: due Sat 10:30 CET
    # (09:30Z). Answered 10:30 CET: met, 0 s. Answered 11:15 CET: breached
    # by 2,700 s. Never answered, closed Fri 18:00 CET: the close counts,
    # met, 16.5 h early = -59,400 s. Never answered, as of Sat 12:00 CET:
    # breached by 5,400 s. Basic P3: best effort.
    opened = "2026-11-20T16:30:00Z"
    table = slacalc.audit(
        ["gold", "gold", "gold", "gold", "basic"],
        ["P2", "P2", "P2", "P2", "P3"],
        ["europe"] * 5,
        instants(*[opened] * 5),
        pa.array([at("2026-11-21T09:30:00"), at("2026-11-21T10:15:00"), None, None, None], type=pa.timestamp("s", tz="UTC")),
        pa.array([None, None, at("2026-11-20T17:00:00"), None, None], type=pa.timestamp("s", tz="UTC")),
        as_of=at("2026-11-21T11:00:00"),
    )
    assert table.column("verdict").cast(pa.string()).to_pylist() == ["met", "breached", "met", "breached", "best_effort"]
    assert table.column("late_seconds").to_pylist() == [0, 2700, -59400, 5400, None]
    assert table.column("response_due").to_pylist()[:4] == [at("2026-11-21T09:30:00")] * 4


def test_local_columns_give_each_instant_at_its_desk_offset():
    # The instants of the tests above, at europe's offset (CET, +01:00 in
    # November) and, for the clock, at americas' too (EST, -05:00).
    # clock_add: Mon 09:00Z + 2 standard hours at europe = 11:00Z = 12:00
    # CET; at americas (Mon-Fri 07-17 EST; 09:00Z = 04:00 EST, closed), the
    # clock starts at 07:00 EST: + 2 h = 09:00 EST. An unknown desk: null.
    added = slacalc.clock_add(
        ["europe", "americas", "atlantis"], instants(*["2026-11-23T09:00:00Z"] * 3), [7200] * 3, local=True
    )
    assert added.column_names == ["due", "due_local", "error"]
    assert added.column("due_local").to_pylist() == [
        "2026-11-23T12:00:00+01:00", "2026-11-23T09:00:00-05:00", None,
    ]
    # clock_before: 2 standard hours before Mon 11:00 CET: 09:00 CET.
    before = slacalc.clock_before(["europe"], instants("2026-11-23T10:00:00Z"), [7200], local=True)
    assert before.column("start_local").to_pylist() == ["2026-11-23T09:00:00+01:00"]
    # escalation: gold P2 opened Mon 09:00 CET, steps at 11:00, 13:00,
    # 17:00 CET, Tue 16:00 and Fri 13:00 CET.
    steps = slacalc.escalation(["gold"], ["P2"], ["europe"], instants("2026-11-23T08:00:00Z"), local=True)
    row = steps.to_pylist()[0]
    assert [row[f"step_{k}_due_local"] for k in range(1, 6)] == [
        "2026-11-23T11:00:00+01:00",
        "2026-11-23T13:00:00+01:00",
        "2026-11-23T17:00:00+01:00",
        "2026-11-24T16:00:00+01:00",
        "2026-11-27T13:00:00+01:00",
    ]
    assert steps.column_names[-1] == "error"
    # audit: gold P2 opened Fri 17:30 CET is due Sat 10:30 CET.
    judged = slacalc.audit(
        ["gold"], ["P2"], ["europe"], instants("2026-11-20T16:30:00Z"),
        pa.array([None], type=pa.timestamp("s", tz="UTC")),
        as_of=at("2026-11-21T11:00:00"), local=True,
    )
    assert judged.column("response_due_local").to_pylist() == ["2026-11-21T10:30:00+01:00"]
