"""haru new sourcing: a selection of a vendor — the strategy's four criteria unless others are given, its
candidates found as vendor queries are, listed to be scored later."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import TODAY, VENDORS, Haru, WorkspaceFactory, load_workspace


@pytest.fixture
def ws(workspace: WorkspaceFactory) -> Path:
    return workspace(VENDORS)


def test_new_sourcing_with_the_strategy_s_four_criteria(ws: Path, haru: Haru) -> None:
    result = haru("--data", ws, *TODAY, "new", "sourcing", "Video production", "--candidate", "すたじお",
                  "--candidate", "映像合同会社")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.strip().endswith("sourcing/2026-video-production.yaml")
    assert (ws / "sourcing" / "2026-video-production.yaml").read_text(encoding="utf-8") == """\
id: 2026-video-production
title: Video production
opened: 2026-11-27
status: open
criteria:
  expertise: 40%
  track_record: 25%
  cost: 20%
  communication: 15%
candidates:
  - vendor: studio
  - vendor: eizo
"""
    ds = load_workspace(ws)
    # studio delivers poorly (VENDORS): said, as for any open selection listing it, and no error
    assert [(p.code, p.severity) for p in ds.problems] == [("vendor-poor", "warning")]
    assert [c.vendor for c in ds.sourcings["2026-video-production"].candidates] == ["studio", "eizo"]


def test_criteria_of_its_own_by_code_or_label(ws: Path, haru: Haru) -> None:
    result = haru("--data", ws, "new", "sourcing", "研修動画の選定", "--id", "video", "--opened", "2026-10-01",
                  "--criterion", "専門性=50%", "--criterion", "cost=30", "--criterion", "speed=20%")
    assert result.exit_code == 0, result.stderr
    text = (ws / "sourcing" / "video.yaml").read_text(encoding="utf-8")
    assert "criteria:\n  expertise: 50%\n  cost: 30%\n  speed: 20%\n" in text and "candidates" not in text
    assert load_workspace(ws).problems == []


def test_weights_that_do_not_add_up_to_100_are_refused(ws: Path, haru: Haru) -> None:
    result = haru("--data", ws, "new", "sourcing", "選定", "--id", "video", "--criterion", "expertise=60%",
                  "--criterion", "cost=30%")
    assert result.exit_code == 1
    assert ("sourcing/video.yaml:5:1: error[sourcing] 基準の重みの合計が 90% です（ちょうど 100% にしてください）"
            in result.stderr)
    assert "何も書き込んでいません" in result.stderr
    assert not (ws / "sourcing" / "video.yaml").exists()


@pytest.mark.parametrize(("criterion", "said"), [
    ("費用=20%", "'費用=20%' は 基準=重み ではありません（expertise=40% や 専門性=40% のように。"
                 "独自の基準は英小文字・数字・_・-）"),
    ("cost", "'cost' は 基準=重み ではありません"),
    ("cost=多め", "'cost=多め' は 基準=重み ではありません"),
])
def test_a_criterion_that_is_not_key_and_weight_is_a_usage_error(ws: Path, haru: Haru, criterion: str,
                                                                 said: str) -> None:
    result = haru("--data", ws, "new", "sourcing", "選定", "--id", "video", "--criterion", criterion)
    assert result.exit_code == 2 and said in result.stderr


def test_a_criterion_given_twice_is_a_usage_error(ws: Path, haru: Haru) -> None:
    result = haru("--data", ws, "new", "sourcing", "選定", "--id", "video", "--criterion", "expertise=50%",
                  "--criterion", "専門性=50%")
    assert result.exit_code == 2 and "基準 'expertise' を 2 度指定しています" in result.stderr


def test_an_unknown_vendor_is_refused_with_the_vendors_there_are(ws: Path, haru: Haru) -> None:
    result = haru("--data", ws, "new", "sourcing", "選定", "--id", "video", "--candidate", "誰か")
    assert result.exit_code == 1
    assert ("「誰か」に該当する委託先がありません。委託先一覧: 映像合同会社 (eizo), 株式会社スタジオ (studio)"
            in result.stderr)
    assert not (ws / "sourcing").joinpath("video.yaml").exists()


def test_a_japanese_title_asks_for_an_id(ws: Path, haru: Haru) -> None:
    result = haru("--data", ws, "new", "sourcing", "研修動画の制作委託先の選定")
    assert result.exit_code == 2
    assert ("件名から委託先の選定の ID を作れません（ID は英字だけの件名から作ります）: "
            "ID（英小文字・数字・-）を --id で指定してください") in result.stderr


def test_dry_run_writes_nothing(ws: Path, haru: Haru) -> None:
    result = haru("--data", ws, *TODAY, "new", "sourcing", "Editing", "--candidate", "eizo", "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("id: 2026-editing\ntitle: Editing\nopened: 2026-11-27\n")
    assert sorted(p.name for p in (ws / "sourcing").iterdir()) == ["pick.yaml"]


def test_never_over_an_existing_file(ws: Path, haru: Haru) -> None:
    before = (ws / "sourcing" / "pick.yaml").read_bytes()
    result = haru("--data", ws, "new", "sourcing", "別の選定", "--id", "pick")
    assert result.exit_code == 1
    assert "sourcing/pick.yaml は既にあります（haru はファイルを上書きしません）" in result.stderr
    assert (ws / "sourcing" / "pick.yaml").read_bytes() == before


def test_help_in_both_languages(haru: Haru) -> None:
    japanese = haru("new", "sourcing", "--help").stdout
    english = haru("--lang", "en", "new", "sourcing", "--help").stdout
    assert "例: haru new sourcing 研修動画の制作委託先の選定 --id 2026-video-production" in japanese
    assert "専門性40%・実績25%・コスト20%・コミュニケーション能力15%" in "".join(japanese.split())
    assert "Example: haru new sourcing" in english and "--criterion KEY=WEIGHT" in english
