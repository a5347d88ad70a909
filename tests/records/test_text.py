"""How text is compared (records/text.py): folded for search, and in the order people expect of names and
ids with numbers in them — checked against a second formulation: the pieces a name was made of."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from haru_cli.records.text import fold_text, natural

WORDS = st.text(alphabet="パートナー受講生abcXY-_ ", max_size=6)
WIDE = str.maketrans("0123456789", "０１２３４５６７８９")


@given(st.lists(st.tuples(WORDS, st.integers(0, 10**6), WORDS), min_size=2, max_size=20), st.booleans())
def test_names_sort_by_their_text_then_the_number_in_them(parts: list[tuple[str, int, str]], wide: bool) -> None:
    """A name made of a word, a number and a word sorts as those pieces would: the number as a number, written
    in half- or full-width digits alike (no leading zeros: 7 and 007 are the same number, a tie left to the id)."""
    names = [f"{a}{n}{b}".translate(WIDE) if wide else f"{a}{n}{b}" for a, n, b in parts]
    by_pieces = [f"{a}{n}{b}".translate(WIDE) if wide else f"{a}{n}{b}" for a, n, b in sorted(parts)]
    assert sorted(names, key=natural) == by_pieces


def test_the_examples_people_write() -> None:
    names = ["パートナー10", "パートナー2", "パートナー1"]
    assert sorted(names, key=natural) == ["パートナー1", "パートナー2", "パートナー10"]
    assert sorted(["haru-2026-0010", "haru-2026-0009"], key=natural) == ["haru-2026-0009", "haru-2026-0010"]
    assert sorted(["a10b", "a9c", "a9b"], key=natural) == ["a9b", "a9c", "a10b"]


def test_partners_sort_by_reading_numbers_counted() -> None:
    from haru_cli.records.models import Partner
    from haru_cli.rules.lookup import sort_key

    found = [Partner(id=f"p{n}", name=f"パートナー{n}") for n in (10, 2, 1, 21)]
    assert [p.id for p in sorted(found, key=sort_key)] == ["p1", "p2", "p10", "p21"]


def test_fold_text_is_width_case_and_kana_blind() -> None:
    assert fold_text("ＡＢＣ うえだ") == fold_text("abc ウエダ")
