"""What many test files share: the small workspace they start from, the typed `haru` runner, a
Markdown table-shape reader, a real terminal to run `haru` on, and a few workspaces of fee and renewal
scenarios."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

from markdown_it import MarkdownIt
from typer.testing import Result

from haru_cli.rules.calendar import BusinessDays

Haru = Callable[..., Result]  # haru(*args) → the click Result (stdout and stderr apart)
WorkspaceFactory = Callable[..., Path]
TODAY = ("--today", "2026-11-27")


def business_days() -> BusinessDays:
    """Japan's business days, their holidays computed in memory (no cache folder)."""
    from haru_cli.load.holidays import japanese_business_days

    return japanese_business_days(None)


DAYS = business_days()

# A small valid workspace; tests override or remove single files (None removes).
BASE: dict[str, str] = {
    "haru.yaml": """\
        company: テスト株式会社
        """,
    "partners/ueda.yaml": """\
        id: ueda
        name: 株式会社ウエダ
        kana: ウエダ
        invoice_number: T7000012050002
        cadence: monthly
        contacts:
          - name: 上田
            key_person: true
        """,
    "contracts/ueda-referral.yaml": """\
        id: ueda-referral
        partner: ueda
        type: referral
        signed: 2026-01-01
        start: 2026-01-01
        end: 2026-12-31
        auto_renew: true
        term: 1y
        notice: 1m
        fees:
          customer:
            rate: 15%
            basis: paid
          student:
            fixed: 30000
        """,
    "meetings/2026/2026-11-10-ueda-regular.yaml": """\
        id: 2026-11-10-ueda-regular
        partners: [ueda]
        date: 2026-11-10
        kind: regular
        contract: ueda-referral
        minutes: 60
        """,
    "referrals/2026-ueda-001.yaml": """\
        id: 2026-ueda-001
        partner: ueda
        contract: ueda-referral
        kind: customer
        client: 株式会社サンプル物流
        referred: 2026-06-01
        status: won
        deal: {signed: 2026-07-01, amount: 3600000}
        payments:
          - {date: 2026-07-31, amount: 300000}
        """,
}

def write_workspace(root: Path, files: dict[str, str | bytes | None]) -> Path:
    merged: dict[str, str | bytes | None] = {**BASE, **files}
    for name, content in merged.items():
        if content is None:
            continue
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(textwrap.dedent(content), encoding="utf-8")
    return root


def on_terminal(args: list[str], columns: int, rows: int = 60) -> str:
    """What `haru args` shows on a terminal `columns` wide: run in a pseudo-terminal whose window size is
    set as a terminal emulator sets it (TIOCSWINSZ), without COLUMNS; colours and line feeds' CR removed."""
    import fcntl
    import os
    import pty
    import re
    import select
    import struct
    import subprocess
    import sys
    import termios

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in {"COLUMNS", "LINES", "HARU_DATA", "HARU_TODAY"}}
    child = subprocess.Popen([sys.executable, "-m", "haru_cli", *args], stdin=follower, stdout=follower,
                             stderr=follower, env={**env, "TERM": "xterm-256color"})
    os.close(follower)
    out = b""
    while select.select([leader], [], [], 60)[0]:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # EIO: the child has closed the terminal
            chunk = b""
        if not chunk:
            break
        out += chunk
    os.close(leader)
    child.wait(timeout=60)
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", out.decode()).replace("\r\n", "\n")


def table_shapes(markdown: str) -> list[tuple[int, list[int]]]:
    """For every table: the header's cell count and each body row's."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    shapes: list[tuple[int, list[int]]] = []
    header, rows, cells, part = 0, [], 0, ""
    for token in tokens:
        if token.type in ("thead_open", "tbody_open"):
            part = token.type
        elif token.type == "tr_open":
            cells = 0
        elif token.type in ("th_open", "td_open"):
            cells += 1
        elif token.type == "tr_close":
            if part == "thead_open":
                header = cells
            else:
                rows.append(cells)
        elif token.type == "table_close":
            shapes.append((header, rows))
            rows = []
    return shapes


def markup_from(markdown: str) -> list[str]:
    """What Markdown makes of its text besides text: raw HTML, links, images, autolinks (none may come
    from the data, SPEC §14)."""
    kinds = {"html_inline", "html_block", "link_open", "image"}
    found: list[str] = []
    for token in MarkdownIt("commonmark").enable("table").parse(markdown):
        found += [t.content or t.attrGet("href") or t.type for t in [token, *(token.children or [])]
                  if t.type in kinds]
    return found


# A name, a client and a file name that would be HTML, links or images if a report let them through
MARKUP = "<script>alert(1)</script> [x](http://evil) ![](http://evil/i.png) <http://evil> &lt;b&gt;"
MARKED: dict[str, str | bytes | None] = {
    "haru.yaml": f"company: '{MARKUP}'\n",
    "partners/tanaka.yaml": f"id: tanaka\nname: '{MARKUP}'\nkana: タナカ\nentity: individual\n",
    "contracts/tanaka-referral.yaml": "id: tanaka-referral\npartner: tanaka\ntype: referral\nstart: 2026-01-01\n"
                                      "fees:\n  student:\n    fixed: 50000\n",
    "referrals/2026-tanaka-001.yaml": "id: 2026-tanaka-001\npartner: tanaka\ncontract: tanaka-referral\n"
                                      f"kind: student\nclient: '{MARKUP}'\nreferred: 2026-09-01\nstatus: won\n"
                                      "deal: {signed: 2026-10-05, amount: 198000}\n",
    "referrals/<img src=x onerror=alert(1)> [y](http:evil).yaml": "id: nope\npartner: tanaka\n",  # skipped
}


FEES: dict[str, str | bytes | None] = {
    "partners/tanaka.yaml": "id: tanaka\nname: 田中一郎\nkana: タナカイチロウ\nentity: individual\nwithholding: true\n",
    "contracts/tanaka-referral.yaml": "id: tanaka-referral\npartner: tanaka\ntype: referral\nstart: 2026-01-01\n"
                                      "fees:\n  student:\n    fixed: 50000\n",
    "referrals/2026-tanaka-001.yaml": "id: 2026-tanaka-001\npartner: tanaka\ncontract: tanaka-referral\n"
                                      "kind: student\nclient: 受講生A | 株式会社[B]\n"
                                      "referred: 2026-09-01\nstatus: won\n"
                                      "deal: {signed: 2026-10-05, amount: 198000}\n",
    # ウエダ's referral, paid in September and October instead of July
    "referrals/2026-ueda-001.yaml": str(BASE["referrals/2026-ueda-001.yaml"]).replace(
        "          - {date: 2026-07-31, amount: 300000}\n",
        "          - {date: 2026-09-30, amount: 300000}\n          - {date: 2026-10-30, amount: 823040}\n"),
}
assert "2026-10-30" in str(FEES["referrals/2026-ueda-001.yaml"])  # BASE still has the July payment to replace

# FEES with HaRu's bank, the transfer requester and ウエダ's account (SPEC §8.1)
BANKED: dict[str, str | bytes | None] = {
    **FEES,
    "haru.yaml": ("company: テスト株式会社\n"
                  "bank: {bank: '0001', branch: '001', number: '0000001', holder: カ）テスト}\n"
                  "transfer: {requester_code: '0000000001', requester_name: カブシキガイシャ　テスト}\n"),
    "partners/ueda.yaml": ("id: ueda\nname: 株式会社ウエダ\nkana: ウエダ\ninvoice_number: T7000012050002\n"
                           "bank:\n  bank: 5\n  branch: 1\n  number: '1234567'\n  holder: カ）ウエダ\n"),
}


SCENARIO: dict[str, str | bytes | None] = {
    "partners/spcom.yaml": "id: spcom\nname: 株式会社S.P.COM\ncadence: monthly\nsince: 2026-01-01\n",
    "contracts/alliance.yaml": "id: alliance\npartner: ueda\ntype: alliance\nstart: 2026-02-01\nend: 2027-01-31\n"
                               "auto_renew: true\nterm: 1y\nnotice: 3m\n",
    "contracts/half.yaml": "id: half\npartner: spcom\ntype: consulting\ntitle: 半年契約\nstart: 2026-01-01\n"
                           "end: 2026-06-30\nauto_renew: true\nterm: 6m\nnotice: 1m\n",
    "contracts/old.yaml": "id: old\npartner: spcom\ntype: consulting\nstart: 2025-11-01\nend: 2026-10-31\n",
    "contracts/yearly.yaml": "id: yearly\npartner: ueda\ntype: consulting\nstart: 2025-04-01\nend: 2026-03-31\n"
                             "auto_renew: true\nterm: 1y\nnotice: 1m\n",
    "contracts/draft.yaml": "id: draft\npartner: ueda\ntype: directorship\nstatus: draft\nstart: 2026-12-01\n"
                            "end: 2026-12-15\n",
    "meetings/2026/hearing.yaml": "id: hearing\npartners: [spcom]\ndate: 2026-11-20\nkind: feedback\ncontract: half\n",
}


# Two vendors, a contract with deliverables and a selection between them (SPEC §10)
VENDORS: dict[str, str | bytes | None] = {
    "vendors/studio.yaml": "id: studio\nname: 株式会社スタジオ\nkana: スタジオ\nstatus: active\n"
                           "expertise: [動画制作]\n",
    "vendors/eizo.yaml": "id: eizo\nname: 映像合同会社\nkana: エイゾウ\n",
    "contracts/studio-video.yaml": (
        "id: studio-video\nvendor: studio\ntype: outsourcing\ntitle: 研修動画\nstart: 2026-10-01\nend: 2027-03-31\n"
        "notice: 1m\ndeliverables:\n"
        "  - {id: ep1, due: 2026-10-31, delivered: 2026-10-30, accepted: 2026-11-02, quality: 4}\n"
        "  - {id: ep2, due: 2026-11-20, delivered: 2026-11-22, accepted: 2026-11-25, quality: 3, rework: 2}\n"
        "  - {id: ep3, due: 2026-11-25}\n  - {id: ep4, due: 2026-12-20}\n"),
    "sourcing/pick.yaml": (
        "id: pick\ntitle: 動画の委託先\nopened: 2026-09-01\nstatus: decided\n"
        "criteria: {expertise: 40%, track_record: 25%, cost: 20%, communication: 15%}\ncandidates:\n"
        "  - {vendor: studio, scores: {expertise: 5, track_record: 4, cost: 3, communication: 4}, quote: 900000}\n"
        "  - {vendor: eizo, scores: {expertise: 3, track_record: 3, cost: 5, communication: 4}, quote: 600000}\n"
        "decision: {vendor: studio, date: 2026-09-20, reason: 構成力}\n"),
}


# A course of two assignments and two students, one brought by a student referral (SPEC §11)
SCHOOL: dict[str, str | bytes | None] = {
    "courses/practice.yaml": ("id: practice\ntitle: 実践コース\nstart: 2026-04-01\nassignments:\n"
                              "  - {id: a1, title: 業務への適用, criteria: [具体性, 効果検証]}\n"
                              "  - {id: a2, title: 社内展開, criteria: [巻き込み]}\n"),
    "students/2026-sato.yaml": ("id: 2026-sato\nname: 佐藤 花子\ncourse: practice\nenrolled: 2026-04-10\n"
                                "referral: 2026-tanaka-001\nevaluations:\n"
                                "  - {assignment: a1, date: 2026-06-10, levels: {具体性: 4, 効果検証: 3}}\n"
                                "  - {assignment: a2, date: 2026-07-10, levels: {巻き込み: 3}}\n"),
    "students/2026-ito.yaml": ("id: 2026-ito\nname: 伊藤 一郎\ncourse: practice\nenrolled: 2026-04-10\n"
                               "evaluations:\n"
                               "  - {assignment: a1, date: 2026-06-10, levels: {具体性: 2, 効果検証: 3}}\n"),
}


# A joint project with ueda and two opportunities (SPEC §12)
PROJECTS: dict[str, str | bytes | None] = {
    "projects/tool.yaml": ("id: tool\ntitle: ツール共同開発\npartners: [ueda]\nstart: 2026-05-01\ncadence: biweekly\n"
                           "team:\n  - {name: 社長, org: HaRu, role: PM}\nmilestones:\n"
                           "  - {title: PoC, due: 2026-08-31, done: 2026-08-28}\n  - {title: β版, due: 2026-12-05}\n"),
    "meetings/2026/tool-1.yaml": ("id: tool-1\npartners: [ueda]\ndate: 2026-11-10\nkind: project\nproject: tool\n"
                                  "minutes: 90\ndecisions: [β版は 12 月に]\n"),
    "opportunities/case.yaml": ("id: case\ntitle: 導入事例\npartners: [ueda]\nsynergy: case_study\nstage: proposed\n"
                                "value: 500000\nnext: 原稿レビュー\ndue: 2026-11-20\nhistory:\n"
                                "  - {date: 2026-10-01, stage: idea}\n  - {date: 2026-11-07, stage: proposed}\n"),
    "opportunities/seminar.yaml": ("id: seminar\ntitle: 共同セミナー\npartners: [ueda]\nsynergy: content\n"
                                   "stage: idea\nvalue: 100000\nhistory:\n  - {date: 2026-11-01, stage: idea}\n"),
}
