"""Ids of new records (`haru new`): from Latin text only, from a reading romanized, never longer than an id."""

from __future__ import annotations

import re

import pytest

from haru_cli.records.values import SLUG_PATTERN
from haru_cli.write.authoring import free_id, latin_slug, name_slug, reading_slug


@pytest.mark.parametrize(("title", "slug"), [
    ("Video production", "video-production"),
    ("ＡＩ Practice 2026 Spring", "ai-practice-2026-spring"),  # full-width letters are Latin ones
    ("Studio Ü", "studio-u"),
    ("生成AI実践コース 2026年春期", None),  # not "ai-2026": a title's Latin letters alone name something else
    ("議事録", None),
    ("---", None),
])
def test_an_id_is_made_from_a_title_in_latin_letters_only(title: str, slug: str | None) -> None:
    assert latin_slug(title) == slug


@pytest.mark.parametrize(("name", "kana", "slug"), [
    ("UCWORLD株式会社", None, "ucworld"),  # legal forms aside
    ("㈱ABC", "エービーシー", "abc"),
    ("株式会社スタジオA", "スタジオエー", "sutajioe"),  # the reading, the long vowel left out
    ("映像合同会社", "ｴｲｿﾞｳ", "eizou"),  # half-width kana
    ("山田 太郎", "やまだ たろう", "yamada-tarou"),
    ("映像合同会社", None, None),
])
def test_an_id_for_a_name_from_its_latin_letters_else_its_reading(name: str, kana: str | None,
                                                                  slug: str | None) -> None:
    assert name_slug(name, kana) == slug


def test_a_reading_without_kana_makes_no_id() -> None:
    assert reading_slug("山田") is None


def test_free_ids_are_ids_however_long_the_base() -> None:
    base = "a" * 60 + "-case-study"
    first = free_id(base, set())
    assert re.fullmatch(SLUG_PATTERN, first) and len(first) == 64
    second = free_id(base, {first})
    assert re.fullmatch(SLUG_PATTERN, second) and second.endswith("-2") and len(second) <= 64
    assert free_id("ueda", {"ueda", "ueda-2"}) == "ueda-3"
