"""config.toml: the sample loads; every kind of mistake is refused naming the key and line."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ikm_tui.domain.config import load_config
from ikm_tui.domain.errors import InputError
from ikm_tui.i18n import Messages
from tests.conftest import event_toml

EN = Messages("en")


def test_sample_event_is_the_event_of_the_product(sample_config):
    c = sample_config
    assert len(c.entrants) == 30
    assert {cat: sum(e.category == cat for e in c.entrants) for cat in ("makanan", "kerajinan", "jasa")} == {
        "makanan": 10,
        "kerajinan": 10,
        "jasa": 10,
    }
    assert [sum(e.day == d for e in c.entrants) for d in (1, 2)] == [15, 15]
    assert len(c.criteria) == 5 and len(c.judges) == 5
    assert [(p.label, p.count, p.amount) for p in c.prizes] == [
        ("Juara I", 2, 3_000_000),
        ("Juara II", 2, 2_400_000),
        ("Juara III", 2, 1_800_000),
    ]
    assert sum(p.count * p.amount for p in c.prizes) == 14_400_000
    assert c.event.database == c.path.parent / "ikm-session.db"
    assert c.scoring.step == Decimal("0.5")


def load_text(tmp_path, text: str):
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return load_config(path)


def error_for(tmp_path, text: str) -> str:
    with pytest.raises(InputError) as info:
        load_text(tmp_path, text)
    return info.value.render(EN)


def replace(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def test_unknown_key_is_named_with_its_line(tmp_path):
    text = replace(event_toml(), "qa_minutes = 3", "qa_minutes = 3\nqa_minutess = 4")
    message = error_for(tmp_path, text)
    line = text.splitlines().index("qa_minutess = 4") + 1
    assert f"config.toml:{line}:" in message
    assert "unknown key 'timer.qa_minutess'" in message


def test_wrong_type_names_key_and_expectation(tmp_path):
    message = error_for(tmp_path, replace(event_toml(), "qa_minutes = 3", 'qa_minutes = "three"'))
    assert "'timer.qa_minutes' must be integer" in message and "'three'" in message


def test_toml_syntax_error_names_the_file_and_line(tmp_path):
    message = error_for(tmp_path, replace(event_toml(), "qa_minutes = 3", "qa_minutes = = 3"))
    assert "config.toml" in message and "invalid TOML" in message and "line" in message


@pytest.mark.parametrize(
    "old, new, expected",
    [
        (
            'category = "jasa"',
            'category = "jasaa"',
            "'entrants[2].category': 'jasaa' is not defined in [[categories]]",
        ),
        (
            'tie_break = ["inovasi"]',
            'tie_break = ["nope"]',
            "'scoring.tie_break': 'nope' is not defined in [[criteria]]",
        ),
        ('id = "J2"', 'id = "J1"', "'judges[2].id': duplicate id 'J1'"),
        ("weight = 35", "weight = 0", "'criteria[2].weight' must be > 0"),
        ("weight = 35", "weight = -5", "'criteria[2].weight' must be > 0"),
        ("step = 0.5", "step = 0.4", "step 0.4 does not divide the scale 1–10"),
        ("day = 2", "day = 3", "'entrants[5].day' must be 1..2"),
        (
            'aggregate = "mean"',
            'aggregate = "average"',
            '\'scoring.aggregate\' must be "mean" | "trimmed_mean" | "median"',
        ),
        ('language = "en"', 'language = "fr"', '\'event.language\' must be "id" | "en"'),
        ('id = "inovasi"', 'id = "ino vasi"', "may only contain letters"),
    ],
)
def test_bad_values_are_refused_naming_the_key(tmp_path, old, new, expected):
    assert expected in error_for(tmp_path, replace(event_toml(), old, new))


def test_dangling_category_names_the_line_of_that_entrant(tmp_path):
    text = event_toml()
    lines = text.splitlines()
    third = [i for i, line in enumerate(lines) if line == "[[entrants]]"][2]
    cat_line = next(i for i in range(third, len(lines)) if lines[i].startswith("category"))
    lines[cat_line] = 'category = "nope"'
    message = error_for(tmp_path, "\n".join(lines))
    assert f"config.toml:{cat_line + 1}:" in message


def test_more_prize_places_than_entrants(tmp_path):
    message = error_for(tmp_path, event_toml(entrants=5))
    assert "6 prize places but only 5 entrants" in message


def test_missing_required_key(tmp_path):
    message = error_for(tmp_path, replace(event_toml(), 'title = "Test Event"\n', ""))
    assert "key 'event.title' is required" in message


def test_per_criterion_scale_override_is_checked(tmp_path):
    text = replace(event_toml(), "weight = 25", "weight = 25\nmax = 5\nstep = 0.25")
    config = load_text(tmp_path, text)
    pasar = config.criterion("pasar")
    assert (pasar.min, pasar.max, pasar.step) == (1, 5, Decimal("0.25"))
    assert config.criterion("inovasi").max == 10
    bad = replace(event_toml(), "weight = 25", "weight = 25\nmax = 5\nstep = 0.3")
    assert "'criteria[3].step': step 0.3 does not divide the scale 1–5" in error_for(tmp_path, bad)


def test_messages_follow_the_event_language(tmp_path):
    text = replace(event_toml(language="id"), "qa_minutes = 3", "qa_minutez = 3")
    with pytest.raises(InputError) as info:
        load_text(tmp_path, text)
    assert "kunci tidak dikenal 'timer.qa_minutez'" in info.value.render(Messages("id"))


def test_roster_csv_replaces_inline_entrants(tmp_path):
    text = event_toml(entrants=8)
    head = text[: text.index("[[entrants]]")]
    (tmp_path / "roster.csv").write_text(
        "\ufeffid;name;business;category;day\n"
        + "".join(f"E{i:02d};Owner {i};Biz {i};jasa;{1 + i % 2}\n" for i in range(1, 9)),
        encoding="utf-8",
    )
    config = load_text(tmp_path, 'roster = "roster.csv"\n' + head)
    assert [e.id for e in config.entrants] == [f"E{i:02d}" for i in range(1, 9)]
    assert config.entrant("E03").day == 2


def test_roster_csv_errors_name_the_csv_line(tmp_path):
    text = event_toml(entrants=8)
    head = text[: text.index("[[entrants]]")]
    rows = "".join(f"E{i:02d},Owner {i},Biz {i},jasa,1\n" for i in range(1, 8)) + "E08,Owner,Biz,toys,1\n"
    (tmp_path / "roster.csv").write_text("id,name,business,category,day\n" + rows, encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_text(tmp_path, 'roster = "roster.csv"\n' + head)
    assert "roster.csv:9" in info.value.render(EN) and "'toys'" in info.value.render(EN)


def test_missing_file(tmp_path):
    with pytest.raises(InputError) as info:
        load_config(tmp_path / "nope.toml")
    assert "config file not found" in info.value.render(EN)


@pytest.mark.parametrize(
    "old, new, expected",
    [
        ('id = "E02"', 'id = "e01"', "'entrants[2].id': id 'e01' differs from 'E01' only in case"),
        ('id = "J2"', 'id = "j1"', "'judges[2].id': id 'j1' differs from 'J1' only in case"),
        (
            'label = "Juara II"',
            'label = "juara  I"',
            "'prizes[2].label': label 'juara  I' is already used by prize 1",
        ),
        ('"2022-06-15"]', '"2022-06-14"]', "'event.days': the date 2022-06-14 is listed twice"),
    ],
)
def test_duplicates_a_person_would_not_tell_apart_are_refused(tmp_path, old, new, expected):
    assert expected in error_for(tmp_path, replace(event_toml(), old, new))


def test_an_excel_roster_with_trailing_empty_columns_is_accepted(tmp_path):
    """Excel keeps columns that were typed in and cleared: ``;;`` at the end of every line."""
    text = event_toml(entrants=8)
    head = text[: text.index("[[entrants]]")]
    (tmp_path / "roster.csv").write_text(
        "\ufeffid;name;business;category;day;;\r\n"
        + "".join(f"E{i:02d};Owner {i};Biz {i};jasa;{1 + i % 2};;{';' * (i % 2)}\r\n" for i in range(1, 9)),
        encoding="utf-8",
    )
    config = load_text(tmp_path, 'roster = "roster.csv"\n' + head)
    assert [e.id for e in config.entrants] == [f"E{i:02d}" for i in range(1, 9)]
    assert config.entrant("E03").day == 2
