"""The engine's fast exact sort (float pre-sort, exact within equal-float runs), which the
leaderboard and its prize lines rely on at 10,000 entrants, against the plain exact sort."""

from __future__ import annotations

import random
from fractions import Fraction as F

from ikm_tui.domain.ranking import _approx, _sort_best_first


def with_floats(items):
    """Contenders shaped as order() builds them: keys first, their floats fifth."""
    return [(keys, name, 0, 0, _approx(keys)) for keys, name in items]


def plain(contenders):
    return sorted(contenders, key=lambda item: item[0], reverse=True)


def test_totals_a_float_cannot_tell_apart_are_still_ordered_exactly():
    tiny = F(1, 10**30)  # float(80 + tiny) == float(80)
    contenders = with_floats([((F(80), F(7)), "E01"), ((F(80) + tiny, F(1)), "E02"),
                              ((F(80), F(8)), "E03"), ((F(80) - tiny, F(9)), "E04"),
                              ((F(80), F(8)), "E05")])
    assert float(contenders[0][0][0]) == float(contenders[1][0][0])
    ours = list(contenders)
    _sort_best_first(ours)
    assert [c[1] for c in ours] == ["E02", "E03", "E05", "E01", "E04"] == \
        [c[1] for c in plain(contenders)]


def test_matches_the_plain_sort_on_random_keys_with_many_ties():
    rng = random.Random(3)
    for _ in range(50):
        contenders = with_floats(
            [((F(rng.randint(0, 40), rng.choice([1, 2, 3, 7])), F(rng.randint(0, 3))), f"E{i:03d}")
             for i in range(rng.randint(0, 60))])
        ours = list(contenders)
        _sort_best_first(ours)
        assert ours == plain(contenders)
