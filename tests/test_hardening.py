"""Inputs found by trying to break haru: each is refused with a clear problem, nothing hangs or crashes."""

from __future__ import annotations

import json
import os

import pytest

from haru_cli.load.loader import load_workspace
from haru_cli.load.yamlio import decode
from haru_cli.render.formats import md_text, visible
from tests.helpers import Haru, WorkspaceFactory

REFERRAL_CONTRACT = ("id: ueda-referral\npartner: ueda\ntype: referral\nstart: 2026-01-01\n"
                     "fees:\n  customer:\n    rate: 15%\n")


def codes(root: object) -> list[tuple[str, int, str, str]]:
    return [(p.path, p.line, p.code, p.variant) for p in load_workspace(root).problems]  # type: ignore[arg-type]


def test_a_zero_renewal_term_is_an_error_and_nothing_hangs(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace({"contracts/ueda-referral.yaml": REFERRAL_CONTRACT + "end: 2026-03-31\nauto_renew: true\n"
                                                                          "term: 0m\n"})
    assert codes(root) == [("contracts/ueda-referral.yaml", 10, "auto-renew-term", "auto-renew-term.zero")]
    assert haru("--data", root, "--today", "2026-11-27", "contract", "list").exit_code == 0


@pytest.mark.parametrize(("text", "variant"), [("since: 9999-12-15\n", "date.range"),
                                               ("since: 1066-10-14\n", "date.range")])
def test_dates_beyond_the_business_are_typos(workspace: WorkspaceFactory, text: str, variant: str) -> None:
    root = workspace({"partners/ueda.yaml": "id: ueda\nname: x\ncadence: monthly\n" + text})
    assert [c[3] for c in codes(root)] == [variant]


@pytest.mark.parametrize("notice", ["100000y", "99999999999999999999y", "40000d"])
def test_durations_longer_than_a_century(workspace: WorkspaceFactory, notice: str) -> None:
    root = workspace({"contracts/ueda-referral.yaml": REFERRAL_CONTRACT + f"notice: {notice}\n"})
    assert [c[3] for c in codes(root)] == ["duration.range"]


def test_today_out_of_range_is_a_usage_error(workspace: WorkspaceFactory, haru: Haru) -> None:
    assert haru("--data", workspace(), "--today", "0001-01-01", "partner", "list").exit_code == 2
    assert haru("--data", workspace(), "--today", "9999-12-31", "partner", "list").exit_code == 2


def test_nan_rate_and_empty_required_text(workspace: WorkspaceFactory) -> None:
    root = workspace({
        "contracts/ueda-referral.yaml": REFERRAL_CONTRACT.replace("15%", ".nan"),
        "partners/ueda.yaml": 'id: ueda\nname: ""\n',
    })
    assert [(c[0], c[3]) for c in codes(root)] == [("contracts/ueda-referral.yaml", "rate.format"),
                                                   ("partners/ueda.yaml", "type.empty")]


def test_a_partner_listed_twice_in_a_meeting(workspace: WorkspaceFactory) -> None:
    root = workspace({"meetings/2026/2026-11-10-ueda-regular.yaml": "id: 2026-11-10-ueda-regular\n"
                                                                    "partners: [ueda, ueda]\ndate: 2026-11-10\n"})
    assert codes(root) == [("meetings/2026/2026-11-10-ueda-regular.yaml", 2, "ref-partner", "ref-partner.twice")]


def test_records_with_cross_file_errors_are_skipped_too(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace({"contracts/other.yaml": "id: other\npartner: nobody\ntype: nda\nstart: 2026-01-01\n"})
    result = haru("--data", root, "contract", "list", "--format", "json")
    assert [c["id"] for c in json.loads(result.stdout)["contracts"]] == ["ueda-referral"]
    assert result.stderr == "1 件のファイルを読み飛ばしました — haru validate で確認してください\n"
    shown = haru("--data", root, "--lang", "en", "contract", "show", "other")
    assert shown.exit_code == 1
    assert shown.stderr.endswith("haru: contracts/other.yaml has errors and was skipped — run haru validate\n")


def test_a_broken_partner_is_named_as_broken_not_missing(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace({"partners/ueda.yaml": "id: ueda\nname: [\n"})
    result = haru("--data", root, "partner", "show", "ueda")
    assert result.exit_code == 1
    assert "partners/ueda.yaml に誤りがあるため読み飛ばしました" in result.stderr


def test_broken_settings_are_said_once(workspace: WorkspaceFactory, haru: Haru) -> None:
    result = haru("--data", workspace({"haru.yaml": "locale: fr\n"}), "partner", "list")
    assert result.exit_code == 0
    assert "haru.yaml に誤りがあるため既定値を使います" in result.stderr


def test_utf16_without_bom_and_binary_files() -> None:
    _, [utf16] = decode("id: ueda\n".encode("utf-16-le"), "f.yaml")
    assert utf16.params["guess"] == "UTF-16"
    _, [binary] = decode(b"\x00\x01\x02\xff" * 50, "f.yaml")
    assert binary.code == "encoding"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_pipe_named_yaml_is_not_read(workspace: WorkspaceFactory) -> None:
    root = workspace()
    os.mkfifo(root / "partners" / "pipe.yaml")
    assert codes(root) == [("partners/pipe.yaml", 1, "file-name", "file-name.not-regular")]


def test_uppercase_extension_is_named(workspace: WorkspaceFactory) -> None:
    assert [c[2] for c in codes(workspace({"partners/Other.YAML": "id: other\nname: x\n"}))] == ["file-name"]


def test_data_option_accepts_the_folder_above_data(tmp_path: object, haru: Haru) -> None:
    from pathlib import Path

    from tests.helpers import write_workspace

    repo = Path(str(tmp_path)) / "repo"
    write_workspace(repo / "data", {})
    assert haru("--data", repo, "validate").exit_code == 0


def test_a_problem_is_always_one_line(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace({"partners/ueda.yaml": 'id: ueda\nname: x\ncadence: "week\\nly\\e]0;x\\a"\n'})
    result = haru("--data", root, "validate")
    assert len(result.stdout.splitlines()) == 2  # the problem and the summary
    assert "\x1b" not in result.stdout and "week\\x0aly\\x1b]0;x\\x07" in result.stdout


def test_bidi_overrides_and_html_entities_are_shown_literally() -> None:
    assert visible("abc\u202edef") == "abc\\u202edef"
    assert md_text("&amp; R&D") == "\\&amp; R\\&D"


def test_meetings_after_today_have_not_happened(workspace: WorkspaceFactory, haru: Haru) -> None:
    from datetime import date

    from haru_cli.rules.activity import open_actions
    from haru_cli.rules.schedule import next_regular_meeting

    root = workspace({"meetings/2026/2026-12-20-ueda-regular.yaml": "id: 2026-12-20-ueda-regular\npartners: [ueda]\n"
                                                                    "date: 2026-12-20\nkind: regular\n"
                                                                    "actions: [{task: later, due: 2026-12-01}]\n"})
    ds = load_workspace(root)
    regular = next_regular_meeting(ds, ds.partners["ueda"], date(2026, 11, 27))
    assert regular is not None and regular.due == date(2026, 12, 10)  # from 11-10, not from the 12-20 log
    assert [o.action.task for o in open_actions(ds, date(2026, 11, 27))] == []


@pytest.mark.parametrize("month", ["9999-12", "0000-01", "1899-12", "2200-01"])
def test_months_outside_the_records_years_are_usage_errors(workspace: WorkspaceFactory, haru: Haru,
                                                           month: str) -> None:
    root = workspace()
    assert haru("--data", root, "fees", "calc", "--month", month).exit_code == 2
    assert haru("--data", root, "report", "monthly", "--month", month).exit_code == 2


def test_a_huge_payout_offset_is_refused_by_validate(workspace: WorkspaceFactory) -> None:
    assert [c[2] for c in codes(workspace({"haru.yaml": "payout:\n  month_offset: 100000\n"}))] == ["range"]


def test_a_template_that_fails_while_rendering(workspace: WorkspaceFactory, haru: Haru, tmp_path: object) -> None:
    from pathlib import Path

    template = Path(str(tmp_path)) / "t.j2"
    template.write_text("ok\n{{ 1/0 }}\n", encoding="utf-8")
    result = haru("--data", workspace(), "report", "partner", "ueda", "--template", template)
    assert result.exit_code == 1
    assert result.stderr == f"haru: {template}:2: ZeroDivisionError: division by zero\n"


def test_new_files_get_the_usual_mode_and_dash_means_stdout(workspace: WorkspaceFactory, haru: Haru,
                                                           tmp_path: object) -> None:
    from pathlib import Path

    root = workspace()
    target = Path(str(tmp_path)) / "ueda.md"
    mask = os.umask(0o022)
    try:
        assert haru("--data", root, "report", "partner", "ueda", "-o", target).exit_code == 0
    finally:
        os.umask(mask)
    assert target.stat().st_mode & 0o777 == 0o644
    assert haru("--data", root, "report", "partner", "ueda", "-o", "-").stdout.startswith("# 株式会社ウエダ")


def test_wareki_eras() -> None:
    from datetime import date

    from haru_cli.i18n.dates import wareki_year

    assert [wareki_year(d) for d in (date(2026, 11, 27), date(2019, 5, 1), date(2019, 4, 30), date(1989, 1, 7),
                                     date(1985, 4, 1), date(1926, 12, 24), date(1912, 7, 29))] == [
        "令和8年", "令和元年", "平成31年", "昭和64年", "昭和60年", "大正15年", "明治45年"]


def test_an_argument_that_is_not_utf8_is_a_usage_error(workspace: WorkspaceFactory) -> None:
    """Bytes that are not UTF-8 (a Windows zip's names, a mistyped terminal) never reach a record."""
    import subprocess
    import sys

    root = workspace()
    done = subprocess.run([sys.executable, "-m", "haru_cli", "--data", str(root), "--lang", "en", "search",
                           b"\xff".decode("utf-8", "surrogateescape")], capture_output=True, text=True,
                          errors="replace")
    assert done.returncode == 2 and "is not UTF-8 text" in done.stderr and "Traceback" not in done.stderr
