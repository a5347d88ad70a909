"""haru vendor compare."""

from __future__ import annotations

import json

from tests.helpers import TODAY, VENDORS, Haru, WorkspaceFactory


def test_compare_ranks_and_the_decision_record_is_markdown(workspace: WorkspaceFactory, haru: Haru) -> None:
    from tests.helpers import table_shapes

    root = workspace(VENDORS)
    data = json.loads(haru("--data", root, *TODAY, "vendor", "compare", "pick", "--format", "json").stdout)
    assert [(c["vendor"], c["score"], c["rank"]) for c in data["candidates"]] == [("studio", 84.0, 1),
                                                                                  ("eizo", 71.0, 2)]
    assert data["criteria"][0] == {"key": "expertise", "weight": "40%"}
    assert data["decision"] == {"vendor": "studio", "date": "2026-09-20", "reason": "構成力"}
    md = haru("--data", root, *TODAY, "vendor", "compare", "pick", "--format", "md").stdout
    assert "専門性" in md and "84.0%" in md and "構成力" in md
    assert all(header == cells for header, rows in table_shapes(md) for cells in rows)  # well-formed tables
