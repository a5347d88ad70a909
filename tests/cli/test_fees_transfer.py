"""haru fees transfer: the 全銀 transfer file."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import BANKED, TODAY, Haru, WorkspaceFactory


def read_zengin(raw: bytes) -> list[dict[str, str]]:
    """The 全銀 総合振込 layout, read independently of haru: (name, start, length) per record kind."""
    layout = {
        "1": [("kind", 0, 1), ("type", 1, 2), ("code", 3, 1), ("requester_code", 4, 10), ("requester", 14, 40),
              ("day", 54, 4), ("bank", 58, 4), ("bank_name", 62, 15), ("branch", 77, 3), ("branch_name", 80, 15),
              ("account_type", 95, 1), ("number", 96, 7), ("dummy", 103, 17)],
        "2": [("kind", 0, 1), ("bank", 1, 4), ("bank_name", 5, 15), ("branch", 20, 3), ("branch_name", 23, 15),
              ("clearing", 38, 4), ("account_type", 42, 1), ("number", 43, 7), ("holder", 50, 30),
              ("amount", 80, 10), ("new", 90, 1), ("customer1", 91, 10), ("customer2", 101, 10),
              ("designation", 111, 1), ("mark", 112, 1), ("dummy", 113, 7)],
        "8": [("kind", 0, 1), ("count", 1, 6), ("total", 7, 12), ("dummy", 19, 101)],
        "9": [("kind", 0, 1), ("dummy", 1, 119)],
    }
    records = raw.split(b"\r\n")
    assert all(len(record) == 120 for record in records)
    read = []
    for record in records:
        fields = layout[record[:1].decode()]
        assert sum(length for _, _, length in fields) == 120
        read.append({name: record[start:start + length].decode("cp932") for name, start, length in fields})
    return read


def test_the_transfer_file_reads_back_field_by_field(workspace: WorkspaceFactory, haru: Haru, tmp_path: Path) -> None:
    root = workspace(BANKED)
    target = tmp_path / "2026-10.txt"
    result = haru("--data", root, *TODAY, "fees", "transfer", "--month", "2026-10", "-o", target)
    assert result.exit_code == 1  # 田中一郎 has no bank account: named and left out
    assert "田中一郎" in result.stderr and target.is_file()
    header, data, trailer, end = read_zengin(target.read_bytes())
    assert (header["kind"], header["type"], header["code"], header["requester_code"]) == ("1", "21", "0", "0000000001")
    assert header["requester"].rstrip() == "ｶﾌﾞｼｷｶﾞｲｼﾔ ﾃｽﾄ" and header["day"] == "1130"  # the pay date, MMDD
    assert (header["bank"], header["bank_name"].rstrip(), header["branch"]) == ("0001", "ﾐｽﾞﾎ", "001")
    assert (data["bank"], data["branch"], data["account_type"], data["number"]) == ("0005", "001", "1", "1234567")
    assert data["bank_name"].rstrip() == "ﾐﾂﾋﾞｼﾕ-ｴﾌｼﾞｴｲ" and data["branch_name"].rstrip() == "ﾎﾝﾃﾝ"  # from zengin-code
    assert (data["holder"].rstrip(), data["amount"]) == ("ｶ)ｳｴﾀﾞ", "0000135801")
    assert (trailer["count"], trailer["total"]) == ("000001", "000000135801")
    assert end["dummy"] == " " * 119
    again = haru("--data", root, *TODAY, "--lang", "en", "fees", "transfer", "--month", "2026-10", "-o", target)
    assert again.exit_code == 1 and "already" in again.stderr  # never over a file
