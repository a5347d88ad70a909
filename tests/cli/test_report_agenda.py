"""haru report agenda."""

from __future__ import annotations

from tests.helpers import REPORTS, TODAY, Haru, WorkspaceFactory, report_section


def test_wareki_dates(workspace: WorkspaceFactory, haru: Haru) -> None:
    result = haru("--data", workspace(REPORTS), *TODAY, "report", "agenda", "spcom", "--wareki")
    assert "令和8年" in result.stdout and "2026年" not in result.stdout


def test_new_opportunities_are_the_partner_s_open_ones_with_stage_and_next_step(workspace: WorkspaceFactory,
                                                                              haru: Haru) -> None:
    """The agenda ended with an empty 「新たな協業機会」 although the partner had one (issue 27 part 6)."""
    root = workspace(REPORTS)
    text = haru("--data", root, *TODAY, "report", "agenda", "spcom").stdout
    assert report_section(text, "6. 新たな協業機会") == [  # not the dropped 合同セミナー
        "| 協業機会 | 段階 | 次の一手 | 期日 | 見込額 |",
        "| --- | --- | --- | --- | ---: |",
        "| 導入事例の公開 | 提案済み | 事例原稿のレビュー依頼 | 2026年12月20日 | ¥500,000 |",
    ]
    late = haru("--data", root, "--today", "2026-12-21", "--lang", "en", "report", "agenda", "spcom").stdout
    assert "| 導入事例の公開 | Proposed | 事例原稿のレビュー依頼 | 2026-12-20 (overdue) | ¥500,000 |" in late
    assert report_section(haru("--data", root, *TODAY, "report", "agenda", "ueda").stdout, "6. 新たな協業機会") == [
        "進行中の協業機会はありません。"]


def test_fees_are_marked_paid_once_a_payment_is_recorded(workspace: WorkspaceFactory, haru: Haru) -> None:
    """ウエダ's October fees are paid before their day; September's, paid nowhere, are overdue: as upcoming says."""
    text = haru("--data", workspace(REPORTS), *TODAY, "report", "agenda", "ueda").stdout
    assert report_section(text, "3. 契約と支払の今後の日程（90日）") == [
        "| 日付 | 種類 | 内容 |",
        "| --- | --- | --- |",
        "| 2026年10月30日（超過） | 紹介手数料の支払 | ¥49,500 2026-09 |",
        "| 2026年11月30日 | 解約予告期限 | ueda-referral |",
        "| 2026年11月30日 | 紹介手数料の支払 | ¥135,801 2026-10（支払済み） |",
        "| 2026年12月31日 | 契約期間満了 | ueda-referral |",
    ]
    upcoming = haru("--data", workspace(REPORTS), *TODAY, "upcoming", "--within", "90d").stdout
    assert "¥135,801 2026-10（支払済み）" in upcoming and "2026-10-30 (超過)" in upcoming
