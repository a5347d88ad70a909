"""A deterministic synthetic workspace, valid per SPEC, for the benchmark.

    python benchmarks/generate.py OUT [--partners 3000] [--seed 1]

About nine files per partner, in the proportions of a real workspace: the partner, two contracts (one
that renews, an alliance or, for a third of them, a consulting contract with feedback hearings; and a
referral contract with fee rules), five meeting logs over the years, and one referral with monthly
payments (~27,000 files for 3,000 partners).
"""

from __future__ import annotations

import argparse
import random
import sys
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from haru_cli.write.yamltext import dump_yaml  # noqa: E402

KINDS = ["regular", "regular", "regular", "hearing", "project", "knowledge", "feedback"]
SYNERGIES = ["customer_referral", "expertise", "joint_consulting", "student_referral", "content", "instructor",
             "tool_codev", "case_study", "feedback_loop"]
SURNAMES = ["上田", "三保", "茶谷", "西原", "小向", "大橋", "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺"]


def check_digit(body: str) -> str:
    """法人番号 check digit of 12 digits (9 - (Σ weighted) mod 9)."""
    total = sum(int(d) * (1 if i % 2 == 0 else 2) for i, d in enumerate(reversed(body)))
    return str(9 - total % 9)


def workspace(out: Path, partners: int, seed: int) -> int:
    rng = random.Random(seed)
    files = {"haru.yaml": "company: 株式会社HaRu\nlocale: ja\n"}
    for n in range(partners):
        pid = f"p{n:05d}"
        since = date(2016, 1, 1) + timedelta(days=rng.randrange(3000))
        body = f"{rng.randrange(10**12):012d}"
        files[f"partners/{pid}.yaml"] = dump_yaml({
            "id": pid, "name": f"株式会社パートナー{n}", "kana": f"パートナー{n}", "entity": "corporation",
            "invoice_number": f"T{check_digit(body)}{body}" if rng.random() < 0.8 else None,
            "status": "active" if rng.random() < 0.9 else "paused", "since": since.isoformat(),
            "contacts": [{"name": rng.choice(SURNAMES), "title": "代表取締役", "email": f"{pid}@example.jp",
                          "phone": "03-0000-0000", "key_person": True}],
            "expertise": ["物流業", "DX推進"], "role": "生成AI利活用のモデルケース。\n社内浸透を支援する。\n",
            "synergies": rng.sample(SYNERGIES, 3), "cadence": rng.choice(["monthly", "quarterly", "none"]),
            "owner": "社長",
        })
        start = since + timedelta(days=30)
        renewing = "consulting" if n % 3 == 0 else "alliance"
        files[f"contracts/{pid}-{renewing}.yaml"] = dump_yaml({
            "id": f"{pid}-{renewing}", "partner": pid, "type": renewing, "status": "active",
            "title": "顧問契約" if renewing == "consulting" else "業務提携契約",
            "signed": start.isoformat(), "start": start.isoformat(),
            "end": (start + timedelta(days=364)).isoformat(), "auto_renew": True, "term": "1y", "notice": "3m",
            "value": {"amount": 100_000, "per": "month"} if renewing == "consulting" else None,
            "scope": "協力範囲と役割分担を定める。\n",
        })
        referral_contract = f"{pid}-referral"
        files[f"contracts/{referral_contract}.yaml"] = dump_yaml({
            "id": referral_contract, "partner": pid, "type": "referral", "title": "紹介手数料契約",
            "status": "active", "signed": start.isoformat(), "start": start.isoformat(),
            "fees": {"customer": {"rate": f"{rng.choice([10, 15, 20])}%", "basis": "paid", "months": 12,
                                  "cap": 1_000_000, "clawback": "3m"},
                     "student": {"fixed": 30000}},
        })
        for k in range(5):
            day = date(2025, 1, 1) + timedelta(days=rng.randrange(700))
            mid = f"{day}-{pid}-{k}"
            files[f"meetings/{day.year}/{mid}.yaml"] = dump_yaml({
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
        files[f"referrals/{signed.year}-{pid}-001.yaml"] = dump_yaml({
            "id": f"{signed.year}-{pid}-001", "partner": pid, "contract": referral_contract, "kind": "customer",
            "client": f"株式会社紹介先{n}", "referred": (signed - timedelta(days=20)).isoformat(),
            "status": "won" if won else "lead",
            "deal": {"signed": signed.isoformat(), "amount": 3_600_000} if won else None,
            "payments": [{"date": (signed + timedelta(days=30 * (m + 1))).isoformat(), "amount": 300_000}
                         for m in range(rng.randrange(1, 8))] if won else None,
        })
    for name, text in files.items():
        target = out / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    return len(files)


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
