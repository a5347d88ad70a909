"""haru fees transfer: the 全銀 transfer file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.helpers import BANKED, TODAY, Haru, WorkspaceFactory
from tests.zengin_layout import read_transfer


def test_the_transfer_file_reads_back_field_by_field(workspace: WorkspaceFactory, haru: Haru, tmp_path: Path) -> None:
    root = workspace(BANKED)
    target = tmp_path / "2026-10.txt"
    result = haru("--data", root, *TODAY, "fees", "transfer", "--month", "2026-10", "-o", target)
    assert result.exit_code == 1  # 田中一郎 has no bank account: named and left out
    assert "田中一郎" in result.stderr and target.is_file()
    raw = target.read_bytes()
    assert len(raw) == 4 * 122 and raw.endswith(b"\r\n")  # CRLF after every record, the end record too
    read = read_transfer(raw)
    header, [data], trailer = read.header, read.data, read.trailer
    assert (header["kind"], header["type"], header["code"], header["requester_code"]) == ("1", "21", "0", "0000000001")
    assert header["requester"] == "ｶﾌﾞｼｷｶﾞｲｼﾔ ﾃｽﾄ" and header["day"] == "1130"  # the pay date, MMDD
    assert (header["bank"], header["bank_name"], header["branch"]) == ("0001", "ﾐｽﾞﾎ", "001")
    assert (data["bank"], data["branch"], data["account_type"], data["number"]) == ("0005", "001", "1", "1234567")
    assert data["bank_name"] == "ﾐﾂﾋﾞｼﾕ-ｴﾌｼﾞｴｲ" and data["branch_name"] == "ﾎﾝﾃﾝ"  # from zengin-code
    assert (data["holder"], data["amount"]) == ("ｶ)ｳｴﾀﾞ", "0000135801")
    assert (data["clearing"], data["new"], data["designation"]) == ("0000", "0", "7")  # unused; 電信扱
    assert (trailer["count"], trailer["total"]) == ("000001", "000000135801")
    assert (read.end["kind"], read.end["dummy"]) == ("9", "")  # spaces only
    again = haru("--data", root, *TODAY, "--lang", "en", "fees", "transfer", "--month", "2026-10", "-o", target)
    assert again.exit_code == 1 and "already" in again.stderr  # never over a file


def transfer_to(haru: Haru, root: Path, target: Path, *args: str) -> tuple[int, str]:
    """`haru fees transfer -o target` of October (田中一郎, who has no bank account, left out): exit code, stderr."""
    result = haru("--data", root, *TODAY, "--lang", "en", "fees", "transfer", "--month", "2026-10", "-o", target, *args)
    return result.exit_code, result.stderr


@pytest.mark.parametrize(("holder", "in_file"), [
    ("ｶ)ｳｴﾀﾞ", "ｶ)ｳｴﾀﾞ"),
    ('"カ）ウエダ　　ブツリュウ  "', "ｶ)ｳｴﾀﾞ ﾌﾞﾂﾘﾕｳ"),  # spaces at either end removed, a run of them made one
    ("　ｶ)ｳｴﾀﾞ ﾌﾞﾂﾘﾕｳ　", "ｶ)ｳｴﾀﾞ ﾌﾞﾂﾘﾕｳ"),  # full-width spaces, which YAML keeps
    ("ヲガワ", "ｵｶﾞﾜ"), ("ヰノウエ", "ｲﾉｳｴ"), ("ヱビス", "ｴﾋﾞｽ"), ("クヮンノン", "ｸﾜﾝﾉﾝ"), ("をがわ", "ｵｶﾞﾜ"),
    ("カ）ハットリショウジ", "ｶ)ﾊﾂﾄﾘｼﾖｳｼﾞ"),  # small kana as large ones
    ("ueda trading (k.k.)", "UEDA TRADING (K.K.)"),
])
def test_a_holder_is_written_as_the_bank_holds_it(workspace: WorkspaceFactory, haru: Haru, tmp_path: Path,
                                                   holder: str, in_file: str) -> None:
    partner = str(BANKED["partners/ueda.yaml"]).replace("カ）ウエダ", holder)
    root = workspace({**BANKED, "partners/ueda.yaml": partner})
    assert haru("--data", root, "validate").exit_code == 0
    target = tmp_path / "out.txt"
    assert transfer_to(haru, root, target)[0] == 1  # 田中一郎 left out
    [data] = read_transfer(target.read_bytes()).data
    assert data["holder"] == in_file


@pytest.mark.parametrize("number", ["'12345'", "12345", "0012345", "'0012345'"])
def test_an_account_number_of_fewer_than_7_digits_is_zero_padded(workspace: WorkspaceFactory, haru: Haru,
                                                                 tmp_path: Path, number: str) -> None:
    partner = str(BANKED["partners/ueda.yaml"]).replace("'1234567'", number)
    root = workspace({**BANKED, "partners/ueda.yaml": partner})
    target = tmp_path / "out.txt"
    transfer_to(haru, root, target)
    [data] = read_transfer(target.read_bytes()).data
    assert data["number"] == "0012345"


@pytest.mark.parametrize(("holder", "char"), [("上田商事", "上"), ("ウエダ「ホンテン」", "｢"), ("ウエダ」", "｣"),
                                           ("カ）ウエダ，ホンテン", ","), ("ウエダ/ホンテン", "/"), ("ウエダ￥", "¥")])
def test_a_holder_no_bank_takes_stops_the_file_and_validate_names_its_line(
        workspace: WorkspaceFactory, haru: Haru, tmp_path: Path, holder: str, char: str) -> None:
    partner = str(BANKED["partners/ueda.yaml"]).replace("カ）ウエダ", holder)
    root = workspace({**BANKED, "partners/ueda.yaml": partner})
    said = haru("--data", root, "--lang", "en", "validate")
    assert said.exit_code == 1
    assert f"partners/ueda.yaml:9:11: error[bank] bank.holder: '{holder}' holds '{char}'" in said.stdout
    target = tmp_path / "out.txt"
    code, stderr = transfer_to(haru, root, target)
    assert code == 1 and not target.exists()  # the partner is skipped, and a file never pays part of a month
    assert "no transfer file while files are skipped" in stderr and "referrals/2026-ueda-001.yaml" in stderr


def test_the_requester_s_name_is_made_bank_kana_by_the_same_rule(workspace: WorkspaceFactory, haru: Haru,
                                                                 tmp_path: Path) -> None:
    settings = str(BANKED["haru.yaml"]).replace("カブシキガイシャ　テスト", '"　かぶしきがいしゃ　　ヲハル "')
    root = workspace({**BANKED, "haru.yaml": settings})
    target = tmp_path / "out.txt"
    transfer_to(haru, root, target)
    assert read_transfer(target.read_bytes()).header["requester"] == "ｶﾌﾞｼｷｶﾞｲｼﾔ ｵﾊﾙ"
    refused = workspace({**BANKED, "haru.yaml": settings.replace("ヲハル", "ハル，")})
    said = haru("--data", refused, "--lang", "en", "validate").stdout
    assert "haru.yaml:3:" in said and "error[bank] transfer.requester_name:" in said and "holds ','" in said


@pytest.mark.parametrize(("args", "said"), [
    (("--date", "2026-11-27"), "the transfer date 2026-11-27 is too soon: the bank needs the file by the business "
                               "day before (from today, 2026-11-30 at the earliest)"),  # today
    (("--date", "2026-11-20"), "the transfer date 2026-11-20 is too soon"),  # past
    (("--date", "2026-11-28"), "the transfer date 2026-11-28 is not a business day"),  # a Saturday
    (("--date", "2026-12-31"), "the transfer date 2026-12-31 is not a business day"),  # banks are closed
    (("--date", "2027-01-11"), "the transfer date 2027-01-11 is not a business day"),  # 成人の日
    (("--date", "2027-11-30"), "the transfer date 2027-11-30 is a year or more ahead"),  # its MMDD: this year's
])
def test_a_transfer_date_the_bank_cannot_make_is_refused_and_nothing_written(
        workspace: WorkspaceFactory, haru: Haru, tmp_path: Path, args: tuple[str, str], said: str) -> None:
    target = tmp_path / "out.txt"
    code, stderr = transfer_to(haru, workspace(BANKED), target, *args)
    assert code == 1 and said in stderr and not target.exists()


def test_the_pay_date_passed_is_refused_and_the_preview_says_so(workspace: WorkspaceFactory, haru: Haru,
                                                                  tmp_path: Path) -> None:
    """October's statements are paid on 11-30; on 12-01 a file for that day can no longer be made."""
    root, target = workspace(BANKED), tmp_path / "out.txt"
    late = ("--data", root, "--today", "2026-12-01", "--lang", "en", "fees", "transfer", "--month", "2026-10")
    written = haru(*late, "-o", target)
    assert written.exit_code == 1 and not target.exists()
    assert "the transfer date 2026-11-30 is too soon" in written.stderr
    assert "2026-12-02 at the earliest" in written.stderr
    shown = haru(*late)  # the preview still shows whom the file would pay, and says why it cannot be made
    assert shown.exit_code == 1 and "ｶ)ｳｴﾀﾞ" in shown.stdout and "2026-11-30 is too soon" in shown.stderr
    saturday = haru("--data", root, "--today", "2026-11-28", "--lang", "en", "fees", "transfer", "-o", target)
    assert saturday.exit_code == 1 and "(from today, 2026-12-01 at the earliest)" in saturday.stderr
    assert not target.exists()
    again = haru(*late, "--date", "2026-12-02", "-o", target)
    assert again.exit_code == 1 and "田中一郎" in again.stderr  # only for him, left out
    assert read_transfer(target.read_bytes()).header["day"] == "1202"


def test_another_transfer_date_is_the_file_s_and_the_preview_s(workspace: WorkspaceFactory, haru: Haru,
                                                                tmp_path: Path) -> None:
    root, target = workspace(BANKED), tmp_path / "out.txt"
    assert transfer_to(haru, root, target, "--date", "2026-12-01")[0] == 1  # 田中一郎 left out
    assert read_transfer(target.read_bytes()).header["day"] == "1201"
    shown = haru("--data", root, *TODAY, "--lang", "en", "fees", "transfer", "--date", "2026-12-01")
    assert "Total, 1 transfers (on 2026-12-01)" in shown.stdout
    as_json = haru("--data", root, *TODAY, "fees", "transfer", "--date", "2026-12-01", "--format", "json")
    data = json.loads(as_json.stdout)
    assert (data["pay_on"], data["date"]) == ("2026-11-30", "2026-12-01")
    wrong = haru("--data", root, *TODAY, "--lang", "en", "fees", "transfer", "--date", "2026-02-30")
    assert wrong.exit_code == 2 and "'2026-02-30' is not a day of the calendar" in wrong.stderr


def test_the_month_is_last_month_unless_given(workspace: WorkspaceFactory, haru: Haru, tmp_path: Path) -> None:
    root = workspace(BANKED)
    haru("--data", root, *TODAY, "fees", "transfer", "-o", tmp_path / "default.txt")  # today is 2026-11-27
    haru("--data", root, *TODAY, "fees", "transfer", "--month", "2026-10", "-o", tmp_path / "october.txt")
    assert (tmp_path / "default.txt").read_bytes() == (tmp_path / "october.txt").read_bytes()
    assert read_transfer((tmp_path / "default.txt").read_bytes()).data[0]["holder"] == "ｶ)ｳｴﾀﾞ"


def test_a_bank_of_haru_s_own_not_in_the_list_stops_the_file(workspace: WorkspaceFactory, haru: Haru,
                                                              tmp_path: Path) -> None:
    root = workspace({**BANKED, "haru.yaml": str(BANKED["haru.yaml"]).replace("bank: '0001'", "bank: '9999'")})
    out = tmp_path / "t.txt"
    result = haru("--data", root, "--lang", "en", *TODAY, "fees", "transfer", "--month", "2026-10", "-o", str(out))
    assert result.exit_code == 1 and "haru.yaml's bank (bank 9999, branch 001) is not in the 全銀 list" in result.stderr
    assert not out.exists()


OWN_BANK = """\
company: テスト株式会社
bank:
  bank: "0001"
  branch: "001"
  type: ordinary
  number: "0000001"
  holder: カ）テスト
transfer: {requester_code: "0000000001", requester_name: カ）テスト}
"""


@pytest.mark.parametrize(("mistake", "said"), [
    ("type: futsu", "haru.yaml:5:9: error[enum] bank.type: 'futsu' is not one of: 'ordinary', 'current', 'savings'"),
    ('number: "12345678"', "haru.yaml:6:11: error[bank] bank.number: '12345678' is not an account number (up to 7 "
                           "digits)"),
])
def test_a_mistake_inside_bank_is_named_not_taken_for_a_missing_bank(workspace: WorkspaceFactory, haru: Haru,
                                                                      mistake: str, said: str) -> None:
    """A wrong type or an 8-digit account number in haru.yaml's bank: said only 'haru.yaml has errors', twice:
    the load names the mistake where it is, and the transfer says that it is what stops the file."""
    key = mistake.split(":")[0]
    line = next(line for line in OWN_BANK.splitlines() if line.startswith(f"  {key}:"))
    root = workspace({**BANKED, "haru.yaml": OWN_BANK.replace(line, f"  {mistake}")})
    result = haru("--data", root, *TODAY, "--lang", "en", "fees", "transfer", "--month", "2026-10")
    assert result.exit_code == 1
    first, *rest = result.stderr.splitlines()
    assert first.endswith(said)  # the path as the user can open it from where they are
    assert rest == [
        "haru.yaml has errors: using the defaults — run haru validate",
        "haru: no transfer file until the mistakes in haru.yaml (above) are mended: HaRu's own account (bank:) and "
        "the requester (transfer:) cannot be read",
    ]
    sound = haru("--data", workspace({**BANKED, "haru.yaml": OWN_BANK}), *TODAY, "fees", "transfer",
                 "--month", "2026-10")
    assert "株式会社ウエダ" in sound.stdout and "haru.yaml" not in sound.stderr  # as written before the mistake


def test_without_bank_and_transfer_it_says_to_write_them(workspace: WorkspaceFactory, haru: Haru) -> None:
    result = haru("--data", workspace({**BANKED, "haru.yaml": "company: テスト株式会社\n"}), *TODAY, "fees", "transfer")
    assert result.exit_code == 1
    assert result.stderr == "haru: haru.yaml に HaRu の口座（bank:）と委託者（transfer:）を書いてください\n"
