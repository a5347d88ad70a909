"""Partner QUERY: Japanese-aware folding, exact before partial, ambiguity and near misses."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from haru_cli.records.registry import MEETING, PROJECT, RecordType
from haru_cli.rules.lookup import Match, find_named, find_record, fold, pick_latest
from tests.helpers import PROJECTS, WorkspaceFactory, load_workspace


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


# --- any record, by what a person types (find_record, SPEC §16) -----------------------------------------


@pytest.fixture
def records(workspace: WorkspaceFactory) -> Path:
    return workspace({
        **PROJECTS,
        "partners/uematsu.yaml": "id: uematsu\nname: 有限会社ウエマツ\nkana: ウエマツ\n",
        "meetings/2026/2026-10-01-ueda-regular.yaml": "id: 2026-10-01-ueda-regular\npartners: [ueda]\n"
                                                      "date: 2026-10-01\nkind: regular\n",
        "meetings/2026/2026-10-05-uematsu.yaml": "id: 2026-10-05-uematsu\npartners: [uematsu]\ndate: 2026-10-05\n"
                                                 "kind: hearing\n",
        "meetings/2026/2026-09-01-uematsu.yaml": "id: 2026-09-01-uematsu\npartners: [uematsu]\ndate: 2026-09-01\n"
                                                 "kind: hearing\n",
        "projects/seminar.yaml": "id: seminar\ntitle: ウエダ共同セミナー\npartners: [ueda]\nstart: 2026-09-01\n",
    })


def found(root: Path, kind: RecordType[Any], query: str) -> tuple[str | None, list[str], list[str]]:
    match = find_record(load_workspace(root), [kind], query)
    return (match.hit.id if match.hit else None, [h.id for h in match.candidates], [h.id for h in match.nearest])


def test_a_record_s_own_names_come_before_those_of_its_partner(records: Path) -> None:
    assert found(records, PROJECT, "ツール共同開発")[0] == "tool"  # its title
    assert found(records, PROJECT, "セミナー")[0] == "seminar"  # a unique part of it
    # ウエダ is a part of seminar's own title, and the whole name of both projects' partner: the exact name wins,
    # and names both, so the person is asked which (projects are not filed by date)
    assert found(records, PROJECT, "ウエダ") == (None, ["seminar", "tool"], [])  # by reading


def test_meetings_named_by_their_partner_are_the_latest(records: Path) -> None:
    assert found(records, MEETING, "うえまつ")[0] == "2026-10-05-uematsu"  # of the two with ウエマツ
    # ウエダ's latest day, 2026-11-10, has two: both are asked about
    assert found(records, MEETING, "ウエダ") == (None, ["2026-11-10-ueda-regular", "tool-1"], [])
    assert found(records, MEETING, "2026-10-01")[0] == "2026-10-01-ueda-regular"  # a part of its id
    # a part of both partners' names: the meetings of two partners, newest first (the latest is not one of them)
    assert found(records, MEETING, "ウエ")[1] == ["2026-11-10-ueda-regular", "tool-1", "2026-10-05-uematsu",
                                                "2026-10-01-ueda-regular", "2026-09-01-uematsu"]


def test_nothing_found_gives_the_nearest_names(records: Path) -> None:
    assert found(records, PROJECT, "ツール共同開")[0] == "tool"
    assert found(records, PROJECT, "ツール協同開発") == (None, [], ["tool"])
    assert found(records, PROJECT, "") == (None, [], [])
    assert pick_latest([]) == []
