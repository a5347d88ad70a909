"""haru contract show: one contract, and what is skipped beside it."""

from __future__ import annotations

import json
from datetime import date

from tests.helpers import TODAY, Haru, WorkspaceFactory


def test_show(contracts: str, haru: Haru) -> None:
    result = haru("--data", contracts, *TODAY, "contract", "show", "spcom-consulting")
    assert result.exit_code == 0
    for text in ("業務効率化支援", "株式会社S.P.COM (spcom)", "2026-12-31", "2026-11-30", "¥200,000"):
        assert text in result.stdout, text
    data = json.loads(haru("--data", contracts, *TODAY, "contract", "show", "ueda-referral", "--format", "json").stdout)
    assert data["fees"]["student"]["fixed"] == 30000 and data["term_end"] == "2026-12-31"


def test_show_unknown_id(contracts: str, haru: Haru) -> None:
    result = haru("--data", contracts, "--lang", "en", "contract", "show", "ueda-referal")
    assert result.exit_code == 1
    assert result.stderr == ("haru: no contract matches 'ueda-referal'; "
                             "closest: 株式会社ウエダ (ueda-referral), 株式会社ウエダ (ueda-old)\n")


def test_a_contract_skipped_for_its_partner_names_the_partner_file(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace({"partners/ueda.yaml": "id: ueda\nname: 株式会社ウエダ\nkana: ウエダ\ncadence: weekly\n"})
    shown = haru("--data", root, "--lang", "en", "contract", "show", "ueda-referral")
    assert shown.exit_code == 1
    assert "contracts/ueda-referral.yaml was skipped: it rests on partners/ueda.yaml, which has errors" in shown.stderr
    by_name = haru("--data", root, "--lang", "en", "partner", "show", "ウエダ")
    assert by_name.exit_code == 1 and "partners/ueda.yaml has errors and was skipped" in by_name.stderr


def test_long_text_in_a_show_view_wraps_at_80_columns(workspace: WorkspaceFactory) -> None:
    from haru_cli.i18n import Translator
    from haru_cli.render.formats import rich_document, rich_lines
    from haru_cli.rules.schedule import contract_dates
    from haru_cli.views.partners import contract_document
    from tests.helpers import load_workspace

    clause = "顧客紹介は入金額の15%（契約締結から12か月分、1件あたり上限100万円）。3か月以内の解約は全額返戻。" * 2
    root = workspace({"contracts/ueda-referral.yaml": "id: ueda-referral\npartner: ueda\ntype: referral\n"
                                                       f"start: 2026-01-01\nnotes: {clause}\nfees:\n  customer:\n"
                                                       "    rate: 15%\n    clawback: 3m\n"})
    ds = load_workspace(root)
    doc = contract_document(contract_dates(ds.contracts["ueda-referral"], date(2026, 11, 27)), None, Translator("ja"))
    out = rich_lines(rich_document(doc, width=80), width=80)
    assert "…" not in out and "".join(line.strip() for line in out.splitlines()).count("全額返戻") == 2
