"""The recorded definition: the config round-trips exactly, canonically, and an older record
(without a field added since) still decodes, with that field's default."""

from __future__ import annotations

import json

from ikm_tui.domain import definition
from ikm_tui.domain.amendment import differences
from ikm_tui.domain.config import load_config


def test_the_sample_event_round_trips_exactly(sample_config):
    body = definition.encode(sample_config)
    again = definition.decode(
        json.loads(definition.to_json(body)), path=sample_config.path, database=sample_config.event.database
    )
    assert again == sample_config
    assert "database" not in body["event"] and "path" not in body  # this machine's, not the event's


def test_the_same_event_written_differently_records_the_same_text(make_event):
    plain = make_event()
    decimal = make_event()
    decimal.write_text(decimal.read_text().replace("max = 10", "max = 10.0"), encoding="utf-8")
    assert definition.to_json(definition.encode(load_config(plain))) == definition.to_json(
        definition.encode(load_config(decimal))
    )


def test_an_older_record_without_a_later_field_takes_its_default(sample_config):
    body = definition.encode(sample_config)
    del body["event"]["head_name"]  # as if recorded before the field existed
    for judge in body["judges"]:
        del judge["title"]
    config = definition.decode(body, path=sample_config.path, database=sample_config.event.database)
    assert config.event.head_name == "" and all(j.title == "" for j in config.judges)


def test_differences_are_keyed_as_staff_find_them_in_the_file(sample_config):
    before = definition.encode(sample_config)
    after = json.loads(json.dumps(before))
    after["criteria"][0]["weight"] = "30"
    after["entrants"] = [e for e in after["entrants"] if e["id"] != "E30"]
    after["prizes"][2]["amount"] = 2_000_000
    changes = {c.key: (c.before, c.after) for c in differences(before, after)}
    assert changes["criteria[inovasi].weight"] == ("25", "30")
    assert changes["prizes[3].amount"] == (1_800_000, 2_000_000)
    assert changes["entrants[E30].name"][1] is None


def test_what_belongs_to_the_laptop_is_not_recorded():
    """The config file, the database and the backup folders can move without an amendment."""
    from dataclasses import dataclass
    from pathlib import Path

    @dataclass(frozen=True)
    class Backup:
        to: tuple[str, ...]

    @dataclass(frozen=True)
    class Section:
        title: str
        database: Path
        backup: Backup

    encoded = definition.encode(Section("Acara", Path("/x/ikm.db"), Backup(("E:/cadangan",))))  # type: ignore[arg-type]
    assert encoded == {"title": "Acara"}
