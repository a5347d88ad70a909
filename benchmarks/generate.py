"""A deterministic synthetic workspace, valid per docs/workspace.md, for the benchmark.

    python benchmarks/generate.py OUT [--partners 3000] [--seed 1]

Every record type, in the proportions of a real workspace. Each partner has its file, two contracts (one
that renews, an alliance or, for a third of them, a consulting contract with feedback hearings; and a
referral contract with fee rules), five meeting logs over the years, and one customer referral with monthly
payments. Per 1,000 partners besides (at least one of each, however small the workspace):

- 10 years of the 社長's monthly time logs (120 files), ~200 entries a month in all, some for a partner or
  a project;
- 2,000 students of 50 courses, with the evaluations of their oral reports; about half of them certified,
  and one in four brought by a student referral of a partner;
- 500 payments of partners' fee statements, each the exact amount of its month;
- 100 vendors, each with an outsourcing contract and its deliverables; 30 sourcing decisions among them;
- 30 automations with their measurements;
- 300 joint projects with their progress meetings, and 1,000 opportunities.

That is ~16,100 files for 1,000 partners (~48,100 for 3,000). The same seed gives the same files.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from haru_cli.write.yamltext import dump_yaml  # noqa: E402

KINDS = ["regular", "regular", "regular", "hearing", "project", "knowledge", "feedback"]
SYNERGIES = ["customer_referral", "expertise", "joint_consulting", "student_referral", "content", "instructor",
             "tool_codev", "case_study", "feedback_loop"]
SURNAMES = ["上田", "三保", "茶谷", "西原", "小向", "大橋", "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺"]
GIVEN = ["花子", "太郎", "健太", "美咲", "翔", "陽子", "大輔", "彩"]
AREAS = ["consulting", "school", "product", "marketing", "partners", "admin", "other"]
STAGES = ["idea", "proposed", "agreed", "in_progress", "delivered"]
TODAY = date(2026, 11, 27)  # the day benchmarks/run.py runs haru on (HARU_TODAY)
FIRST_MONTH = date(2016, 12, 1)  # the time logs' first month: ten years up to TODAY's
STUDENT_FEE = 30_000  # the referral contracts' fixed fee per student
TAX = 10  # percent: haru.yaml's default consumption tax, rounded down once per statement


def check_digit(body: str) -> str:
    """法人番号 check digit of 12 digits (9 - (Σ weighted) mod 9)."""
    total = sum(int(d) * (1 if i % 2 == 0 else 2) for i, d in enumerate(reversed(body)))
    return str(9 - total % 9)


def month_end(day: date) -> date:
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def next_month(day: date) -> date:
    return month_end(day) + timedelta(days=1)


class Workspace:
    """The files being written, and what later record types refer to. (A plain class: tests load this file
    by its path, outside sys.modules, where a dataclass cannot be made.)"""

    def __init__(self, partners: int, seed: int) -> None:
        self.partners, self.seed = partners, seed
        self.files = {"haru.yaml": "company: 株式会社HaRu\nlocale: ja\n"}
        self.synergies: dict[str, list[str]] = {}  # partner → its synergies
        # partner → statement month → what its fees come to before tax (to pay the exact amount)
        self.fees: dict[str, dict[date, int]] = defaultdict(lambda: defaultdict(int))
        self.projects: dict[str, list[str]] = {}  # project → its partners

    def rng(self, part: str) -> random.Random:
        """A generator of its own per record type: adding one type leaves the others' files as they were."""
        return random.Random(f"{self.seed}:{part}")

    def per_thousand(self, count: int) -> int:
        return max(1, round(count * self.partners / 1000))

    def add(self, name: str, record: dict[str, Any]) -> None:
        self.files[name] = dump_yaml(record)


def partners(ws: Workspace) -> None:
    rng = random.Random(ws.seed)  # the partners' own, as before the other record types were generated
    for n in range(ws.partners):
        pid = f"p{n:05d}"
        since = date(2016, 1, 1) + timedelta(days=rng.randrange(3000))
        body = f"{rng.randrange(10**12):012d}"
        ws.synergies[pid] = rng.sample(SYNERGIES, 3)
        ws.add(f"partners/{pid}.yaml", {
            "id": pid, "name": f"株式会社パートナー{n}", "kana": f"パートナー{n}", "entity": "corporation",
            "invoice_number": f"T{check_digit(body)}{body}" if rng.random() < 0.8 else None,
            "status": "active" if rng.random() < 0.9 else "paused", "since": since.isoformat(),
            "contacts": [{"name": rng.choice(SURNAMES), "title": "代表取締役", "email": f"{pid}@example.jp",
                          "phone": "03-0000-0000", "key_person": True}],
            "expertise": ["物流業", "DX推進"], "role": "生成AI利活用のモデルケース。\n社内浸透を支援する。\n",
            "synergies": ws.synergies[pid], "cadence": rng.choice(["monthly", "quarterly", "none"]),
            "owner": "社長",
        })
        start = since + timedelta(days=30)
        renewing = "consulting" if n % 3 == 0 else "alliance"
        ws.add(f"contracts/{pid}-{renewing}.yaml", {
            "id": f"{pid}-{renewing}", "partner": pid, "type": renewing, "status": "active",
            "title": "顧問契約" if renewing == "consulting" else "業務提携契約",
            "signed": start.isoformat(), "start": start.isoformat(),
            "end": (start + timedelta(days=364)).isoformat(), "auto_renew": True, "term": "1y", "notice": "3m",
            "value": {"amount": 100_000, "per": "month"} if renewing == "consulting" else None,
            "scope": "協力範囲と役割分担を定める。\n",
        })
        referral_contract = f"{pid}-referral"
        rate = rng.choice([10, 15, 20])
        ws.add(f"contracts/{referral_contract}.yaml", {
            "id": referral_contract, "partner": pid, "type": "referral", "title": "紹介手数料契約",
            "status": "active", "signed": start.isoformat(), "start": start.isoformat(),
            "fees": {"customer": {"rate": f"{rate}%", "basis": "paid", "months": 12,
                                  "cap": 1_000_000, "clawback": "3m"},
                     "student": {"fixed": STUDENT_FEE}},
        })
        for k in range(5):
            day = date(2025, 1, 1) + timedelta(days=rng.randrange(700))
            mid = f"{day}-{pid}-{k}"
            ws.add(f"meetings/{day.year}/{mid}.yaml", {
                "id": mid, "partners": [pid], "date": day.isoformat(), "kind": rng.choice(KINDS),
                "minutes": rng.choice([30, 45, 60, 90]), "attendees": ["社長", rng.choice(SURNAMES)],
                "summary": "進捗共有と課題抽出。\n次回までの宿題を確認。\n", "decisions": ["次回までに提案書を準備"],
                "actions": [{"task": "提案書を送付", "owner": "社長",
                             "due": (day + timedelta(days=14)).isoformat(), "done": rng.random() < 0.7}],
                "feedback": {"satisfaction": rng.randrange(3, 6), "comments": "満足している。"}
                if rng.random() < 0.3 else None,
            })
        signed = date(2025, 1, 1) + timedelta(days=rng.randrange(500))
        won = rng.random() < 0.6
        payments = [{"date": (signed + timedelta(days=30 * (m + 1))).isoformat(), "amount": 300_000}
                    for m in range(rng.randrange(1, 8))] if won else None
        for payment in payments or ():  # basis paid: the rate of each payment, in the payment's month
            ws.fees[pid][date.fromisoformat(payment["date"]).replace(day=1)] += 300_000 * rate // 100
        ws.add(f"referrals/{signed.year}-{pid}-001.yaml", {
            "id": f"{signed.year}-{pid}-001", "partner": pid, "contract": referral_contract, "kind": "customer",
            "client": f"株式会社紹介先{n}", "referred": (signed - timedelta(days=20)).isoformat(),
            "status": "won" if won else "lead",
            "deal": {"signed": signed.isoformat(), "amount": 3_600_000} if won else None,
            "payments": payments,
        })


def projects(ws: Workspace) -> None:
    """Joint projects of one or two partners, each with its progress meetings (kind project)."""
    rng = ws.rng("projects")
    for n in range(ws.per_thousand(300)):
        members = sorted(rng.sample(range(ws.partners), min(ws.partners, rng.choice([1, 1, 1, 2]))))
        pids = [f"p{m:05d}" for m in members]
        project_id = f"project-{n:04d}"
        start = date(2018, 1, 1) + timedelta(days=rng.randrange(3100))
        end = start + timedelta(days=rng.choice([90, 180, 365]))
        status = "active" if end >= TODAY else rng.choice(["done", "done", "stopped"])
        ws.projects[project_id] = pids
        meetings = []
        day = start
        for k in range(rng.randrange(2, 7)):
            day += timedelta(days=rng.randrange(14, 40))
            if day > TODAY:
                break
            meeting_id = f"{day}-{project_id}-{k}"
            meetings.append(day)
            ws.add(f"meetings/{day.year}/{meeting_id}.yaml", {
                "id": meeting_id, "partners": pids, "date": day.isoformat(), "kind": "project",
                "project": project_id, "minutes": rng.choice([30, 60, 90]), "attendees": ["社長", "PM"],
                "summary": "進捗を確認した。\n", "decisions": ["次のマイルストーンの範囲を確定"],
                "actions": [{"task": "議事録を共有", "owner": "PM", "due": (day + timedelta(days=7)).isoformat(),
                             "done": day + timedelta(days=7) < TODAY}],
                "area": "product" if rng.random() < 0.5 else "partners",
            })
        middle = start + (end - start) / 2
        ws.add(f"projects/{project_id}.yaml", {
            "id": project_id, "title": f"共同プロジェクト{n}", "partners": pids, "status": status,
            "start": start.isoformat(), "end": end.isoformat(), "goal": "生成AIの業務適用を共同で進める。\n",
            "team": [{"name": "社長", "org": "HaRu", "role": "PM"}, {"name": rng.choice(SURNAMES), "org": pids[0]}],
            "cadence": rng.choice(["weekly", "biweekly", "monthly", "none"]),
            "milestones": [{"title": "要件定義", "due": middle.isoformat(),
                            "done": middle.isoformat() if middle < TODAY else None},
                           {"title": "完了報告", "due": end.isoformat(),
                            "done": end.isoformat() if status == "done" else None}],
        })


def time_logs(ws: Workspace) -> None:
    """Ten years of months, ~200 entries a month per 1,000 partners: a third for a partner, some for a
    project that was running then."""
    rng = ws.rng("time")
    per_month = ws.per_thousand(200)
    running = sorted(ws.projects)
    month = FIRST_MONTH
    while month <= TODAY.replace(day=1):
        last = min(month_end(month), TODAY)
        entries = []
        for k in range(per_month):
            day = month + timedelta(days=rng.randrange((last - month).days + 1))
            entry: dict[str, Any] = {"date": day.isoformat(), "area": rng.choice(AREAS)}
            if rng.random() < 0.5:
                entry["hours"] = rng.randrange(1, 33) / 4
            else:
                entry["minutes"] = rng.randrange(10, 240)
            if rng.random() < 0.35:
                entry["partner"] = f"p{rng.randrange(ws.partners):05d}"
            elif rng.random() < 0.1:
                project_id = rng.choice(running)
                entry["project"], entry["partner"] = project_id, ws.projects[project_id][0]
                entry["area"] = "product"
            entry["note"] = f"作業記録 {k + 1}"
            entries.append(entry)
        entries.sort(key=lambda e: e["date"])
        ws.add(f"time/{month.year}/{month:%Y-%m}.yaml", {"id": f"{month:%Y-%m}", "entries": entries})
        month = next_month(month)


COURSE_ASSIGNMENTS = [{"id": "a1", "title": "自社業務へのAI適用", "criteria": ["具体性", "効果検証", "再現性"]},
                      {"id": "a2", "title": "社内への展開", "criteria": ["巻き込み", "継続性"]},
                      {"id": "a3", "title": "成果の報告", "criteria": ["定量化", "説明力"]}]


def school(ws: Workspace) -> None:
    """Courses over the ten years; two students per partner, each judged on every assignment (a retake after
    a fail now and then); those of a finished course who passed everything certified at its end, numbered
    in order within the year; a student in four brought by a student referral of a partner."""
    rng = ws.rng("school")
    courses = ws.per_thousand(50)
    starts = [date(2017, 4, 1) + timedelta(days=(3500 * c) // courses) for c in range(courses)]
    for c, start in enumerate(starts):
        ws.add(f"courses/course-{c:03d}.yaml", {
            "id": f"course-{c:03d}", "title": f"生成AI実践コース 第{c + 1}期", "start": start.isoformat(),
            "end": (start + timedelta(days=150)).isoformat(), "levels": 4, "pass_level": 3,
            "assignments": COURSE_ASSIGNMENTS[:2 + c % 2]})
    certified: list[tuple[date, str, str]] = []
    for s in range(2 * ws.partners):
        c = rng.randrange(courses)
        start, course_id = starts[c], f"course-{c:03d}"
        student_id = f"{start.year}-student-{s:05d}"
        name = f"{rng.choice(SURNAMES)} {rng.choice(GIVEN)}"
        referral = None
        if s % 4 == 0:
            pid = f"p{s // 2 % ws.partners:05d}"
            referral = f"{start.year}-{pid}-s{s:05d}"
            ws.add(f"referrals/{referral}.yaml", {
                "id": referral, "partner": pid, "contract": f"{pid}-referral", "kind": "student",
                "client": f"株式会社受講生紹介{s}（{name}）", "referred": (start - timedelta(days=20)).isoformat(),
                "status": "won", "deal": {"signed": start.isoformat(), "amount": 198_000},
                "payments": [{"date": start.isoformat(), "amount": 198_000}]})
            ws.fees[pid][start.replace(day=1)] += STUDENT_FEE
        evaluations, day = [], start
        passing = rng.random() < 0.75
        for a in COURSE_ASSIGNMENTS[:2 + c % 2]:
            for retake in range(2 if rng.random() < 0.2 else 1):
                day += timedelta(days=rng.randrange(10, 30))
                if day > TODAY:
                    break
                good = passing and (retake == 1 or rng.random() < 0.9)
                evaluations.append({
                    "assignment": a["id"], "date": day.isoformat(), "examiner": "社長", "minutes": 30,
                    "levels": {k: rng.randrange(3, 5) if good else rng.randrange(1, 3) for k in a["criteria"]},
                    "comment": "口頭報告を評価した。"})
        latest = _latest(evaluations)
        passed_all = len(latest) == 2 + c % 2 and all(min(e["levels"].values()) >= 3 for e in latest)
        end = start + timedelta(days=150)
        status = ("completed" if passed_all and end <= TODAY else "withdrawn" if not passing and rng.random() < 0.3
                  else "enrolled")
        ws.add(f"students/{student_id}.yaml", {
            "id": student_id, "name": name, "organization": f"株式会社受講{s % 97}", "course": course_id,
            "enrolled": start.isoformat(), "referral": referral, "status": status, "evaluations": evaluations})
        if status == "completed":
            certified.append((max(end, date.fromisoformat(evaluations[-1]["date"])), student_id, course_id))
    numbers: dict[int, int] = defaultdict(int)
    for issued, student_id, course_id in sorted(certified):
        numbers[issued.year] += 1
        number = f"haru-{issued.year}-{numbers[issued.year]:04d}"
        ws.add(f"certificates/{issued.year}/{number}.yaml", {
            "id": number, "student": student_id, "course": course_id, "issued": issued.isoformat()})


def _latest(evaluations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each assignment's latest evaluation (they are in date order)."""
    return list({e["assignment"]: e for e in evaluations}.values())


def vendors(ws: Workspace) -> None:
    """Vendors, each with an outsourcing contract and what it delivered; selections among them."""
    rng = ws.rng("vendors")
    count = ws.per_thousand(100)
    for n in range(count):
        vendor_id = f"vendor-{n:04d}"
        body = f"{rng.randrange(10**12):012d}"
        ws.add(f"vendors/{vendor_id}.yaml", {
            "id": vendor_id, "name": f"株式会社委託先{n}", "kana": f"イタクサキ{n}", "entity": "corporation",
            "invoice_number": f"T{check_digit(body)}{body}", "status": rng.choice(["active", "active", "candidate"]),
            "expertise": ["動画制作", "Web アプリ開発"][n % 2:n % 2 + 1], "track_record": "研修動画の制作実績。\n",
            "contacts": [{"name": rng.choice(SURNAMES), "title": "担当", "email": f"{vendor_id}@example.jp"}]})
        start = date(2019, 1, 1) + timedelta(days=rng.randrange(2500))
        deliverables = []
        due = start
        for k in range(rng.randrange(2, 6)):
            due += timedelta(days=rng.randrange(20, 60))
            delivered = due + timedelta(days=rng.randrange(-5, 8))
            done = delivered <= TODAY
            accepted = delivered + timedelta(days=rng.randrange(0, 7)) if done else None
            deliverables.append({
                "id": f"d{k + 1}", "title": f"成果物{k + 1}", "due": due.isoformat(),
                "delivered": delivered.isoformat() if done else None,
                "accepted": accepted.isoformat() if accepted and accepted <= TODAY else None,
                "quality": rng.randrange(2, 6) if accepted and accepted <= TODAY else None,
                "rework": rng.choice([0, 0, 0, 1])})
        ws.add(f"contracts/{vendor_id}-outsourcing.yaml", {
            "id": f"{vendor_id}-outsourcing", "vendor": vendor_id, "type": "outsourcing", "title": "業務委託契約",
            "status": "active", "start": start.isoformat(), "end": (start + timedelta(days=364)).isoformat(),
            "auto_renew": True, "term": "6m", "notice": "1m", "value": {"amount": 480_000, "per": "month"},
            "deliverables": deliverables})
    rng = ws.rng("sourcing")
    for n in range(ws.per_thousand(30)):
        opened = date(2019, 1, 1) + timedelta(days=rng.randrange(2800))
        candidates = rng.sample(range(count), min(count, 3))
        ws.add(f"sourcing/sourcing-{n:04d}.yaml", {
            "id": f"sourcing-{n:04d}", "title": f"委託先の選定{n}", "opened": opened.isoformat(), "status": "decided",
            "criteria": {"expertise": "40%", "track_record": "25%", "cost": "20%", "communication": "15%"},
            "candidates": [{"vendor": f"vendor-{v:04d}", "quote": rng.randrange(3, 20) * 100_000, "scores": {
                k: rng.randrange(1, 6) for k in ("expertise", "track_record", "cost", "communication")}}
                for v in candidates],
            "decision": {"vendor": f"vendor-{candidates[0]:04d}", "date": (opened + timedelta(days=20)).isoformat(),
                         "reason": "専門性を最も重視した。\n"}})


def automations(ws: Workspace) -> None:
    rng = ws.rng("automations")
    for n in range(ws.per_thousand(30)):
        since = date(2023, 1, 1) + timedelta(days=rng.randrange(1300))
        baseline = rng.choice([30, 60, 120, 240])
        measured, day = [], since
        for _ in range(rng.randrange(0, 5)):
            day += timedelta(days=rng.randrange(30, 120))
            if day > TODAY:
                break
            measured.append({"date": day.isoformat(), "minutes": baseline * rng.randrange(2, 11) // 10,
                             "per_month": rng.randrange(1, 12)})
        retired = rng.random() < 0.1 and day < TODAY
        ws.add(f"automations/automation-{n:04d}.yaml", {
            "id": f"automation-{n:04d}", "title": f"定型業務{n}を生成AIで下書き", "area": rng.choice(AREAS),
            "status": "retired" if retired else rng.choice(["active", "active", "trial"]), "since": since.isoformat(),
            "baseline": {"minutes": baseline, "per_month": rng.randrange(1, 12)}, "review": "3m",
            "measurements": measured, "retired": (day + timedelta(days=1)).isoformat() if retired else None})


def opportunities(ws: Workspace) -> None:
    """Opportunities of a partner's own synergies, their history running forward; a dropped one says why."""
    rng = ws.rng("opportunities")
    by_partner: dict[str, list[str]] = defaultdict(list)
    for project_id, pids in ws.projects.items():
        by_partner[pids[0]].append(project_id)
    for n in range(ws.per_thousand(1000)):
        pid = f"p{rng.randrange(ws.partners):05d}"
        day = date(2020, 1, 1) + timedelta(days=rng.randrange(2400))
        history = [{"date": day.isoformat(), "stage": "idea"}]
        for stage in STAGES[1:rng.randrange(1, len(STAGES) + 1)]:
            day += timedelta(days=rng.randrange(7, 90))
            if day > TODAY:
                break
            history.append({"date": day.isoformat(), "stage": stage})
        if history[-1]["stage"] != "delivered" and rng.random() < 0.15 and day + timedelta(days=30) <= TODAY:
            history.append({"date": (day + timedelta(days=30)).isoformat(), "stage": "dropped",
                            "note": "優先度が下がったため見送り"})
        stage = history[-1]["stage"]
        still_open = stage not in ("delivered", "dropped")
        ws.add(f"opportunities/opportunity-{n:05d}.yaml", {
            "id": f"opportunity-{n:05d}", "title": f"協業の機会{n}", "partners": [pid],
            "synergy": rng.choice(ws.synergies[pid]), "stage": stage, "value": rng.randrange(1, 50) * 100_000,
            "next": "提案書の作成" if still_open else None,
            "due": (date.fromisoformat(history[-1]["date"]) + timedelta(days=rng.randrange(14, 120))).isoformat()
            if still_open else None,
            "project": rng.choice(by_partner[pid]) if by_partner[pid] and rng.random() < 0.5 else None,
            "history": history})


def payouts(ws: Workspace) -> None:
    """Payments of statements whose pay date (the next month's end) has come, each of what its month comes to
    — fees plus consumption tax, rounded down once; the partners are corporations: nothing withheld."""
    rng = ws.rng("payouts")
    due = sorted((pid, month) for pid, months in ws.fees.items() for month in months
                 if month_end(next_month(month)) <= TODAY)
    for pid, month in sorted(rng.sample(due, min(len(due), ws.per_thousand(500)))):
        subtotal = ws.fees[pid][month]
        paid = month_end(next_month(month))
        payout_id = f"{paid}-{pid}"
        ws.add(f"payouts/{paid.year}/{payout_id}.yaml", {
            "id": payout_id, "partner": pid, "month": f"{month:%Y-%m}", "date": paid.isoformat(),
            "amount": subtotal + subtotal * TAX // 100, "kind": "payment"})


def workspace(out: Path, partners_: int, seed: int) -> int:
    """Write the workspace into out; how many files."""
    ws = Workspace(partners_, seed)
    for part in (partners, projects, time_logs, school, vendors, automations, opportunities, payouts):
        part(ws)
    for name, text in ws.files.items():
        target = out / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return len(ws.files)


def at_least_one(text: str) -> int:
    if not (text.isascii() and text.isdigit()) or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of at least 1")
    return int(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path, help="a new or empty folder")
    parser.add_argument("--partners", type=at_least_one, default=3000, help="how many partners (default 3000)")
    parser.add_argument("--seed", type=int, default=1, help="the same seed gives the same files (default 1)")
    args = parser.parse_args()
    if args.out.exists() and not args.out.is_dir():
        parser.error(f"{args.out} is not a folder")
    if args.out.exists() and any(args.out.iterdir()):
        parser.error(f"{args.out} is not empty")
    try:
        written = workspace(args.out, args.partners, args.seed)
    except OSError as exc:
        parser.exit(1, f"generate.py: cannot write {args.out}: {exc.strerror or exc}\n")
    print(f"{written} files in {args.out}")


if __name__ == "__main__":
    main()
