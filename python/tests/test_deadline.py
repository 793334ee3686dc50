"""slacalc.deadline over columns: values worked out by hand from SPEC §3-4
and the shipped calendars (europe: Europe/Rome, standard Mon-Fri 09-18,
extended adds Sat 09-18; americas: America/New_York)."""

import datetime as dt

import pyarrow as pa
import pytest

import slacalc

UTC = pa.timestamp("s", tz="UTC")


def instants(*texts):
    return pa.array(list(texts)).cast(pa.timestamp("s", tz="UTC"))


def iso(value):
    return None if value is None else value.astimezone(dt.timezone.utc).isoformat()


def test_each_row_as_the_command_line_computes_it():
    table = slacalc.deadline(
        ["gold", "platinum", "basic"],
        ["p2", "P1", "P3"],
        ["europe", "americas", "europe"],
        instants(
            # Fri 2026-11-20 17:30 CET: 30 min Friday, 90 min on Saturday's
            # extended hours: due Sat 10:30 CET = 09:30Z; no notification.
            "2026-11-20T16:30:00Z",
            # 2026-07-14 23:47:10 EDT, platinum P1 on the 24/7 clock:
            # notification 30 min (04:17:10Z), response 60 min (04:47:10Z).
            "2026-07-15T03:47:10Z",
            # Basic P3 is best effort: no instant, and no error.
            "2026-11-23T08:00:00Z",
        ),
    )
    assert table.column_names == ["response_due", "notification_due", "error"]
    assert table.schema.field("response_due").type == UTC
    assert [iso(v) for v in table.column("response_due").to_pylist()] == [
        "2026-11-21T09:30:00+00:00",
        "2026-07-15T04:47:10+00:00",
        None,
    ]
    assert [iso(v) for v in table.column("notification_due").to_pylist()] == [
        None,
        "2026-07-15T04:17:10+00:00",
        None,
    ]
    assert table.column("error").to_pylist() == [None, None, None]


def test_a_bad_row_is_an_error_in_its_place_and_the_others_go_on():
    table = slacalc.deadline(
        ["atlantis", "gold", "gold"],
        ["P2", "P9", "P2"],
        ["europe", "europe", "europe"],
        pa.array(
            [dt.datetime(2026, 11, 20, 16, 30, tzinfo=dt.timezone.utc), None, dt.datetime(2026, 11, 20, 16, 30, tzinfo=dt.timezone.utc)],
            type=pa.timestamp("us", tz="UTC"),
        ),
    )
    errors = table.column("error").to_pylist()
    assert errors[0].startswith("unknown plan 'atlantis'")
    assert errors[1].startswith("unknown priority 'P9'")
    assert errors[2] is None
    assert iso(table.column("response_due")[2].as_py()) == "2026-11-21T09:30:00+00:00"
    assert table.column("response_due").to_pylist()[:2] == [None, None]


def test_a_missing_opening_is_an_error_for_its_row():
    table = slacalc.deadline(["gold"], ["P2"], ["europe"], pa.array([None], type=UTC))
    assert table.column("error").to_pylist() == ["opened: missing or out of range"]


def test_pauses_and_local_times():
    # Gold P2 at europe opened Mon 2026-11-23 09:00 CET, waiting 09:30-10:30:
    # 30 min before the wait and 90 after it, due 12:00 CET = 11:00Z.
    table = slacalc.deadline(
        ["gold", "gold"],
        ["P2", "P2"],
        ["europe", "europe"],
        instants("2026-11-23T08:00:00Z", "2026-11-23T08:00:00Z"),
        ["2026-11-23T09:30:00+01:00/2026-11-23T10:30:00+01:00", None],
        local=True,
    )
    assert [iso(v) for v in table.column("response_due").to_pylist()] == [
        "2026-11-23T11:00:00+00:00",
        "2026-11-23T10:00:00+00:00",
    ]
    assert table.column("response_due_local").to_pylist() == [
        "2026-11-23T12:00:00+01:00",
        "2026-11-23T11:00:00+01:00",
    ]
    assert table.column("notification_due_local").to_pylist() == [None, None]


def test_naive_instants_are_refused():
    with pytest.raises(TypeError, match="timezone-aware"):
        slacalc.deadline(["gold"], ["P2"], ["europe"], pa.array([dt.datetime(2026, 11, 20, 17, 30)]))


def test_pandas_and_polars_frames_gain_the_columns():
    import pandas as pd
    import polars as pl

    import slacalc.pandas
    import slacalc.polars

    frame = pd.DataFrame(
        {
            "plan": ["gold"],
            "priority": ["P2"],
            "desk": ["europe"],
            "created": pd.to_datetime(["2026-11-20 17:30"]).tz_localize("Europe/Rome"),
        },
        index=[7],
    )
    out = slacalc.pandas.deadline(frame, opened="created")
    assert list(out.index) == [7]
    assert out.loc[7, "response_due"] == pd.Timestamp("2026-11-21 09:30", tz="UTC")
    assert pd.isna(out.loc[7, "notification_due"])

    frame = pl.from_pandas(frame.reset_index(drop=True))
    out = slacalc.polars.deadline(frame, opened="created")
    assert out["response_due"][0] == dt.datetime(2026, 11, 21, 9, 30, tzinfo=dt.timezone.utc)
    assert out.columns[-3:] == ["response_due", "notification_due", "error"]


def test_a_data_folder_replaces_the_embedded_data(tmp_path):
    # A --data folder with one desk "lab": open Mon-Fri 08:00-12:00 UTC,
    # no holidays. Gold P2 (2 business hours, extended clock, the lab's
    # extended hours are its standard ones) opened Mon 2026-11-23 11:00Z:
    # 1 h Monday, 1 h Tuesday from 08:00, due Tue 09:00Z.
    (tmp_path / "calendars").mkdir()
    (tmp_path / "calendars" / "lab.toml").write_text(
        'description = "test desk"\n'
        'timezone = "UTC"\n\n'
        "[[hours]]\n"
        'standard = { mon = ["08:00-12:00"], tue = ["08:00-12:00"], wed = ["08:00-12:00"], '
        'thu = ["08:00-12:00"], fri = ["08:00-12:00"] }\n'
    )
    data = slacalc.DataSet.load(str(tmp_path))
    assert "lab" in data.desks()
    table = slacalc.deadline(["gold"], ["P2"], ["lab"], instants("2026-11-23T11:00:00Z"), data=data)
    assert table.column("error").to_pylist() == [None]
    assert iso(table.column("response_due")[0].as_py()) == "2026-11-24T09:00:00+00:00"
    with pytest.raises(ValueError):
        slacalc.DataSet.load(str(tmp_path / "missing"))
