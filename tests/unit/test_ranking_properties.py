"""Invariants of the ranking that must hold whatever the scores (hypothesis)."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from ikm_tui.domain.ranking import rank
from ikm_tui.domain.scoring import Sheet
from tests.unit.engine_builders import build_config

RULES = [("mean", "total"), ("median", "total"), ("trimmed_mean", "total"), ("trimmed_mean", "criterion")]
CRITERIA = ("inovasi", "produktivitas", "pasar")


@st.composite
def events(draw):
    aggregate, scope = draw(st.sampled_from(RULES))
    entrants = draw(st.integers(6, 10))
    judges = draw(st.integers(1, 6))
    config = build_config(
        entrants=entrants,
        judges=judges,
        aggregate=aggregate,
        trim_scope=scope,
        trim=draw(st.integers(0, 2)),
        scale=("1", "4", "0.5"),
        tie_break=draw(st.sampled_from([(), ("inovasi",), ("pasar", "inovasi")])),
    )
    steps = st.integers(0, 6).map(lambda k: 1 + Fraction(k, 2))  # few values: many exact ties
    sheets = []
    for e in config.entrants:
        for j in config.judges:
            kind = draw(st.sampled_from(["scored", "scored", "scored", "missing", "recused"]))
            if kind == "recused":
                sheets.append(Sheet(j.id, e.id, {}, True))
            elif kind == "scored":
                sheets.append(Sheet(j.id, e.id, {c: draw(steps) for c in CRITERIA}))
    return config, sheets


def positions(result):
    return {s.entrant.id: s.rank for s in result.standings}


@settings(max_examples=150, deadline=None)
@given(events(), st.randoms(use_true_random=False))
def test_judge_order_never_matters(event, rnd):
    config, sheets = event
    shuffled = list(sheets)
    rnd.shuffle(shuffled)
    a, b = rank(config, sheets), rank(config, shuffled)
    assert [(s.entrant.id, s.rank, s.total, s.prize) for s in a.standings] == [
        (s.entrant.id, s.rank, s.total, s.prize) for s in b.standings
    ]


@settings(max_examples=150, deadline=None)
@given(events(), st.data())
def test_raising_one_score_never_lowers_the_rank(event, data):
    config, sheets = event
    scored = [i for i, s in enumerate(sheets) if not s.recused]
    if not scored:
        return
    index = data.draw(st.sampled_from(scored))
    criterion = data.draw(st.sampled_from(CRITERIA))
    target = sheets[index]
    raised = Fraction(min(Fraction(4), target.scores[criterion] + Fraction(1, 2)))
    better = list(sheets)
    better[index] = Sheet(target.judge, target.entrant, {**target.scores, criterion: raised})
    before = positions(rank(config, sheets))[target.entrant]
    after = positions(rank(config, better))[target.entrant]
    assert before is not None and after is not None
    assert after <= before


@settings(max_examples=150, deadline=None)
@given(events())
def test_ranks_are_one_based_competition_ranks(event):
    config, sheets = event
    result = rank(config, sheets)
    ranked = result.ranked()
    for s in ranked:
        # rank = 1 + how many are strictly ahead (same keys share the rank of the first of them)
        ahead = sum(1 for other in ranked if other.keys > s.keys)
        assert s.rank == 1 + ahead
    assert all(a.keys >= b.keys for a, b in zip(ranked, ranked[1:]))


@settings(max_examples=150, deadline=None)
@given(events())
def test_prizes_never_exceed_the_purse_and_follow_the_ranking(event):
    config, sheets = event
    result = rank(config, sheets)
    slots = config.prize_slots()
    winners = result.winners()
    assert len(winners) <= len(slots)
    assert sum(s.prize.amount for s in winners) <= sum(p.amount for p in slots)
    amounts = [s.prize.amount if s.prize else 0 for s in result.ranked() if s.status != "tie"]
    assert amounts == sorted(amounts, reverse=True)
    tied = {e for t in result.ties for e in t.entrants}
    assert {s.entrant.id for s in result.standings if s.status == "tie"} == tied


@settings(max_examples=150, deadline=None)
@given(events())
def test_integer_fast_path_equals_the_fraction_rules(event):
    """rank() works on integer points; the rules as written, on Fractions, give the same numbers."""
    from tests.unit.rules_as_written import criterion_aggregate, entrant_total

    config, sheets = event
    result = rank(config, sheets)
    for standing in result.standings:
        own = [s for s in sheets if s.entrant == standing.entrant.id]
        assert standing.total == entrant_total(own, config.scoring, config.criteria)
        if standing.rank is not None:
            assert standing.keys[1:] == tuple(
                criterion_aggregate(own, c, config.scoring) for c in config.scoring.tie_break
            )


@settings(max_examples=150, deadline=None)
@given(events())
def test_integer_rank_keys_order_exactly_like_the_fraction_keys(event):
    from ikm_tui.domain.ranking import key_scales, rank_key
    from ikm_tui.domain.units import ScoreUnits

    config, sheets = event
    scales = key_scales(config, ScoreUnits.of(config))
    ranked = rank(config, sheets).ranked()
    ints = [rank_key(s.keys, scales) for s in ranked]
    for a, sa in zip(ints, ranked):
        for b, sb in zip(ints, ranked):
            assert (a < b) == (sa.keys < sb.keys) and (a == b) == (sa.keys == sb.keys)
