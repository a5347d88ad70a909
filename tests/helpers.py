"""What many test files share: the small workspace they start from, the typed `haru` runner, a
Markdown table-shape reader, a real terminal to run `haru` on, and a few workspaces of fee and renewal
scenarios."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from markdown_it import MarkdownIt
from typer.testing import Result

from haru_cli.i18n import Translator
from haru_cli.records.dataset import Dataset
from haru_cli.rules.calendar import BusinessDays
from haru_cli.site.pages import Site, build

Haru = Callable[..., Result]  # haru(*args) → the click Result (stdout and stderr apart)
WorkspaceFactory = Callable[..., Path]
TODAY = ("--today", "2026-11-27")


def business_days(folder: Path | None = None) -> BusinessDays:
    """Japan's business days, their holidays computed in memory (or kept in folder)."""
    from haru_cli.cli.context import japanese_business_days

    return japanese_business_days(folder)


DAYS = business_days()


def load_workspace(root: Path, overlay: dict[str, str] | None = None, *, cache: bool = False,
                   today: date | None = None) -> Dataset:
    """The workspace loaded as a command loads it: checked by every registered rules module's checks."""
    from haru_cli.cli.context import load_checked

    return load_checked(root, overlay, today=today, cache=cache)

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


def report_section(markdown: str, heading: str) -> list[str]:
    """The lines of a Markdown report's `## heading` section, blank ones and the heading left out."""
    lines = markdown.split("\n")
    start = lines.index(f"## {heading}") + 1
    end = next((n for n in range(start, len(lines)) if lines[n].startswith("## ")), len(lines))
    return [line for line in lines[start:end] if line]


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
    "partners/tanaka.yaml": "id: tanaka\nname: 田中一郎\nkana: タナカイチロウ\nentity: individual\nwithholding: fee\n",
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

# ウエダ's fixed ¥30,000 for a customer signed 2026-07-01, clawed back by its cancellation on 2026-08-10:
# August's statement carries −¥30,000 forward, what ウエダ owes back (SPEC §4.4).
CLAWBACK: dict[str, str | bytes | None] = {
    "contracts/ueda-referral.yaml": "id: ueda-referral\npartner: ueda\ntype: referral\nstart: 2026-01-01\n"
                                    "fees:\n  customer:\n    fixed: 30000\n    clawback: 6m\n",
    "referrals/2026-ueda-001.yaml": "id: 2026-ueda-001\npartner: ueda\ncontract: ueda-referral\nclient: x\n"
                                    "referred: 2026-06-01\nstatus: cancelled\ndeal: {signed: 2026-07-01}\n"
                                    "cancelled: 2026-08-10\n",
}

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


# What the tests of several modules share, moved here from the one file that held them

REFERRAL_CONTRACT = ("id: ueda-referral\npartner: ueda\ntype: referral\nstart: 2026-01-01\n"
                     "fees:\n  customer:\n    rate: 15%\n")


def codes(root: object) -> list[tuple[str, int, str, str]]:
    return [(p.path, p.line, p.code, p.variant) for p in load_workspace(root).problems]  # type: ignore[arg-type]


ODD_MEETING = """\
# 例示
id: 2026-11-10-ueda-regular
partners: [ueda]
date: 2026-11-10     # 定例
kind: regular
minutes: 60
actions:
    - task: "提案書を送付"   # 最優先
      due: 2026-11-20
      done: false

    - {task: 見積を作成, owner: 社長, due: 2026-12-20}
# 次回
next: 2026-12-10
"""


LEAD = "id: 2026-ueda-002\npartner: ueda\ncontract: ueda-referral\nclient: 株式会社リード  # 見込み\n" \
       "referred: 2026-10-01\nstatus: lead\n"


def payout(root: Path, record_id: str, text: str) -> None:
    (root / "payouts" / "2026").mkdir(parents=True, exist_ok=True)
    (root / "payouts" / "2026" / f"{record_id}.yaml").write_text(f"id: {record_id}\n{text}", encoding="utf-8")


def problems(root: Path) -> list[tuple[str, int, str, str]]:
    return [(p.path, p.line, p.code, p.variant) for p in load_workspace(root).problems]


def fake_haru(folder: Path) -> Path:
    """A `haru` on PATH that records its arguments (one per line) and succeeds."""
    folder.mkdir(parents=True, exist_ok=True)
    script = folder / "haru"
    script.write_text(f"#!{sys.executable}\nimport sys\nopen({str(folder / 'args')!r}, 'w')"
                      ".write('\\n'.join(sys.argv[1:]))\n", encoding="utf-8")
    script.chmod(0o755)
    return folder


def git_env(path: Path) -> dict[str, str]:
    env = {**os.environ, "PATH": f"{path}{os.pathsep}{os.environ.get('PATH', '')}", "GIT_CONFIG_GLOBAL": os.devnull,
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.jp",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.jp"}
    env.pop("HARU_DATA", None)
    return env


def pwned(top: Path) -> list[str]:
    """Files the hostile name would have made, had any part of it run."""
    return sorted(str(p) for p in top.parent.rglob("*") if p.name in ("..HOOKPWN", "..PWN2", "..PWN3"))


# Each writer waits a moment after its validation, as a slow disk or a big workspace would make it wait:
# without the workspace's lock, both would validate before either wrote.
SLOW = """\
import sys, time
from haru_cli.cli import editing
real = editing.problems_with
def slow(*args, **kwargs):
    found = real(*args, **kwargs)
    time.sleep(0.6)
    return found
editing.problems_with = slow
from haru_cli.entry import main
sys.argv = ["haru", *sys.argv[1:]]
main()
"""


def _at_once(tmp_path: Path, *commands: list[str]) -> list[tuple[int, str]]:
    script = tmp_path / "slow_haru.py"
    script.write_text(SLOW, encoding="utf-8")
    runs = []
    for args in commands:
        runs.append(subprocess.Popen([sys.executable, str(script), *args], stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE, text=True))
        time.sleep(0.1)
    return [(r.wait(timeout=60), r.stderr.read() if r.stderr else "") for r in runs]


NOVEMBER = ("# 例示\nid: 2026-11\nentries:\n"
            "  - date: 2026-11-04\n    hours: 2.5\n    area: consulting\n    partner: ueda\n    note: 準備\n"
            "  - {date: 2026-11-05, minutes: 30, area: admin}\n")


TIME = {
    "haru.yaml": "company: テスト株式会社\ntime:\n  targets: {consulting: 50%, partners: 30%, admin: 10%}\n",
    "time/2026/2026-11.yaml": NOVEMBER,
    "time/2026/2026-10.yaml": "id: 2026-10\nentries:\n  - {date: 2026-10-01, hours: 1, area: school}\n",
    "meetings/2026/joint.yaml": "id: joint\npartners: [ueda, spcom]\ndate: 2026-11-10\nminutes: 60\n",
    "partners/spcom.yaml": "id: spcom\nname: 株式会社S.P.COM\n",
    "meetings/2026/2026-11-10-ueda-regular.yaml": None,
    "automations/minutes.yaml": ("id: minutes\ntitle: 議事録の下書き\narea: partners\nsince: 2026-06-01\n"
                                 "baseline: {minutes: 60, per_month: 8}\nmeasurements:\n"
                                 "  - {date: 2026-06-30, minutes: 20, per_month: 8}\n"
                                 "  - {date: 2026-11-30, minutes: 15, per_month: 10}\n"),
    "automations/slower.yaml": ("id: slower\ntitle: 研修資料\narea: school\nstatus: trial\nsince: 2026-10-01\n"
                                "review: 1m\nbaseline: {minutes: 180, per_month: 2}\n"
                                "measurements:\n  - {date: 2026-10-15, minutes: 200, per_month: 2}\n"),
}


def report(haru: Haru, root: Path, *args: str) -> dict[str, object]:
    result = haru("--data", root, *DECEMBER, "time", "report", *args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


REPORTS: dict[str, str | bytes | None] = {
    **FEES,
    "partners/spcom.yaml": "id: spcom\nname: 株式会社S.P.COM\nkana: エスピーコム\ncadence: monthly\n"
                           "since: 2025-10-01\n",
    "contracts/spcom-consulting.yaml": "id: spcom-consulting\npartner: spcom\ntype: consulting\ntitle: 業務効率化支援\n"
                                       "start: 2026-07-01\nend: 2026-12-31\nauto_renew: true\nterm: 6m\nnotice: 1m\n",
    "meetings/2026/2026-10-06-ueda-regular.yaml": """\
        id: 2026-10-06-ueda-regular
        partners: [ueda]
        date: 2026-10-06
        kind: regular
        minutes: 60
        summary: |
          配車計画の試行を確認。
          # 見出しではない行
        decisions: [研修を1月に実施する]
        actions:
          - {task: 研修資料を送付, owner: 社長, due: 2026-10-20}
        """,
    "meetings/2026/2026-10-21-joint.yaml": """\
        id: 2026-10-21-joint
        partners: [ueda, spcom]
        date: 2026-10-21
        kind: knowledge
        minutes: 120
        summary: 合同ナレッジ共有会
        feedback: {satisfaction: 5, comments: "事例が参考になった | 次回はセキュリティ"}
        """,
    "meetings/2026/2026-11-20-spcom-feedback.yaml": """\
        id: 2026-11-20-spcom-feedback
        partners: [spcom]
        date: 2026-11-20
        kind: feedback
        contract: spcom-consulting
        minutes: 45
        decisions: [次期も継続]
        feedback: {satisfaction: 4}
        """,
    # S.P.COM's open opportunity (the agenda's 新たな協業機会) and one dropped, which no report lists as open
    "opportunities/spcom-case-study.yaml": """\
        id: spcom-case-study
        title: 導入事例の公開
        partners: [spcom]
        synergy: case_study
        stage: proposed
        value: 500000
        next: 事例原稿のレビュー依頼
        due: 2026-12-20
        history:
          - {date: 2026-10-01, stage: idea}
          - {date: 2026-11-10, stage: proposed, note: 定例で打診}
        """,
    "opportunities/spcom-seminar.yaml": """\
        id: spcom-seminar
        title: 合同セミナー
        partners: [spcom]
        synergy: joint_consulting
        stage: dropped
        next: 日程調整
        due: 2026-11-01
        history:
          - {date: 2026-09-01, stage: idea}
          - {date: 2026-10-15, stage: dropped, note: 先方の繁忙期}
        """,
    # ウエダ's October fees paid before their pay date (marked paid); September's, recorded nowhere, is overdue
    "payouts/2026/2026-11-26-ueda.yaml": "id: 2026-11-26-ueda\npartner: ueda\nmonth: 2026-10\ndate: 2026-11-26\n"
                                         "amount: 135801\n",
}


def site_of(root: Path, *, lang: str = "ja", incognito: bool = False,
            today: date = date(2026, 12, 1)) -> dict[str, bytes]:
    ds = load_workspace(root, cache=False)
    return dict(build(Site(ds, today, business_days(), Translator(lang), incognito=incognito)))


DECEMBER = ("--today", "2026-12-01")  # November is over: its last measurement (11-30) has been taken
