"""haru fees transfer: the 全銀 transfer file."""

from __future__ import annotations

from pathlib import Path

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
