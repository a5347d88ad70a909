"""Pydantic's errors as problems (load/validation.py): a label where its value belongs names the value."""

from __future__ import annotations

import pytest

from tests.helpers import WorkspaceFactory, load_workspace


@pytest.mark.parametrize(("path", "text", "ja", "en"), [
    ("partners/ueda.yaml", "id: ueda\nname: 株式会社ウエダ\ncadence: 月次\n",
     "cadence: '月次' は使えません（monthly と書いてください）",
     "cadence: '月次' is not one of the values; write monthly"),
    ("partners/ueda.yaml", "id: ueda\nname: 株式会社ウエダ\nwithholding: 報酬・料金\n",  # a value type of haru's own
     "withholding: '報酬・料金' は使えません（fee と書いてください）",
     "withholding: '報酬・料金' is not one of the values; write fee"),
    ("time/2026/2026-11.yaml", "id: 2026-11\nentries:\n  - {date: 2026-11-04, hours: 1, area: パートナー連携}\n",
     "entries.0.area: 'パートナー連携' は使えません（partners と書いてください）",  # in a list's item
     "entries.0.area: 'パートナー連携' is not one of the values; write partners"),
    ("partners/ueda.yaml", "id: ueda\nname: 株式会社ウエダ\ncadence: Quarterly\n",  # an English label, or the case
     "cadence: 'Quarterly' は使えません（quarterly と書いてください）",
     "cadence: 'Quarterly' is not one of the values; write quarterly"),
])
def test_a_label_in_a_file_is_an_enum_error_naming_the_value(workspace: WorkspaceFactory, path: str, text: str,
                                                            ja: str, en: str) -> None:
    found = [p for p in load_workspace(workspace({path: text})).problems if p.path == path]
    assert [(p.code, p.message("ja"), p.message("en")) for p in found] == [("enum", ja, en)]


def test_a_value_that_is_no_label_says_the_values(workspace: WorkspaceFactory) -> None:
    root = workspace({"partners/ueda.yaml": "id: ueda\nname: 株式会社ウエダ\ncadence: 週次\n"})
    said = "cadence: '週次' は使えません（次のいずれか: 'monthly', 'quarterly', 'none'）"
    assert [p.message("ja") for p in load_workspace(root).problems] == [said]
