"""Partner QUERY: Japanese-aware folding, exact before partial, ambiguity and near misses."""

from __future__ import annotations

from pathlib import Path

import pytest

from haru_cli.rules.lookup import Match, find_named, fold
from tests.helpers import WorkspaceFactory, load_workspace


def find_partner(root: Path, query: str) -> Match:
    return find_named(list(load_workspace(root).partners.values()), query)


@pytest.mark.parametrize(
    ("text", "folded"),
    [("ｳｴﾀﾞ", "ウエダ"), ("うえだ", "ウエダ"), ("株式会社ウエダ", "ウエダ"), ("(株)ウエダ", "ウエダ"),
     ("㈱ウエダ", "ウエダ"), ("（株）ウエダ", "ウエダ"), ("ウエダ 株式会社", "ウエダ"), ("＆ａｔｈ", "&ath"),
     ("UEDA", "ueda"), ("上田 さん", "上田"), ("シャイン・リンケージ", "シャインリンケージ"), ("有限会社ABC", "abc")],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


@pytest.fixture
def partners(workspace: WorkspaceFactory) -> Path:
    return workspace({
        "partners/ueda.yaml": "id: ueda\nname: 株式会社ウエダ\nkana: ウエダ\naliases: [ウエダ物流]\n"
                              "contacts:\n  - name: 上田\n",
        "partners/andath.yaml": "id: andath\nname: 株式会社&ath\nkana: アンドアス\ncontacts:\n  - name: 三保\n",
        "partners/uematsu.yaml": "id: uematsu\nname: 有限会社ウエマツ\nkana: ウエマツ\n",
        "partners/ueda-logi.yaml": "id: ueda-logi\nname: 株式会社ウエダロジ\n",
    })


@pytest.mark.parametrize(
    "query",
    ["ウエダ", "うえだ", "ｳｴﾀﾞ", "株式会社ウエダ", "(株)ウエダ", "㈱ウエダ", "上田", "ueda", "ウエダ物流", "ウエダ "],
)
def test_every_form_finds_ueda(partners: Path, query: str) -> None:
    assert find_partner(partners, query).partner is not None
    assert find_partner(partners, query).partner.id == "ueda"  # type: ignore[union-attr]


@pytest.mark.parametrize("query", ["&ath", "＆ａｔｈ", "アンドアス", "三保"])
def test_ampersand_names(partners: Path, query: str) -> None:
    match = find_partner(partners, query)
    assert match.partner is not None and match.partner.id == "andath"


def test_exact_match_wins_over_partial(partners: Path) -> None:
    # "ウエダ" is exact for ueda and partial for ueda-logi too: exact wins.
    match = find_partner(partners, "ウエダ")
    assert match.partner is not None and match.partner.id == "ueda"
    ambiguous = find_partner(partners, "ウエ")
    assert ambiguous.partner is None
    assert [p.id for p in ambiguous.candidates] == ["ueda", "ueda-logi", "uematsu"]  # by reading


def test_unique_partial_match(partners: Path) -> None:
    match = find_partner(partners, "マツ")
    assert match.partner is not None and match.partner.id == "uematsu"


def test_no_match_gives_the_nearest(partners: Path) -> None:
    match = find_partner(partners, "ウエタ")
    assert match.partner is None and match.candidates == []
    assert "ueda" in [p.id for p in match.nearest]
