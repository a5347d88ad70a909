"""Cross-file rules of SPEC §6, one test per rule, each on a small inline workspace."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import BANKED, NOVEMBER, REFERRAL_CONTRACT, TIME, Haru, WorkspaceFactory, codes, load_workspace


def problems(root: Path) -> list[tuple[str, int, str, str, str]]:
    return [(p.path, p.line, p.severity, p.code, p.message("en")) for p in load_workspace(root).problems]

CONTRACT = """\
    id: ueda-referral
    partner: ueda
    type: referral
    start: 2026-01-01
    {extra}
    """


def contract(extra: str) -> dict[str, str | bytes | None]:
    return {"contracts/ueda-referral.yaml": CONTRACT.format(extra=extra.replace("\n", "\n    "))}


def test_reference_to_a_missing_partner(workspace: WorkspaceFactory) -> None:
    root = workspace({"partners/ueda.yaml": None, "partners/other.yaml": "id: other\nname: x\n"})
    assert problems(root) == [
        ("contracts/ueda-referral.yaml", 2, "error", "ref-partner", "no partner 'ueda' (expected partners/ueda.yaml)"),
        ("meetings/2026/2026-11-10-ueda-regular.yaml", 2, "error", "ref-partner",
         "no partner 'ueda' (expected partners/ueda.yaml)"),
        ("referrals/2026-ueda-001.yaml", 2, "error", "ref-partner", "no partner 'ueda' (expected partners/ueda.yaml)"),
    ]


def test_reference_to_a_missing_contract(workspace: WorkspaceFactory) -> None:
    root = workspace({"contracts/ueda-referral.yaml": None})
    assert [(p[0], p[3]) for p in problems(root)] == [
        ("meetings/2026/2026-11-10-ueda-regular.yaml", "ref-contract"),
        ("referrals/2026-ueda-001.yaml", "ref-contract"),
    ]


def test_referral_contract_of_another_partner(workspace: WorkspaceFactory) -> None:
    root = workspace({
        "partners/spcom.yaml": "id: spcom\nname: 株式会社S.P.COM\n",
        "contracts/spcom-referral.yaml": "id: spcom-referral\npartner: spcom\ntype: referral\nstart: 2026-01-01\n"
                                         "fees:\n  customer:\n    rate: 10%\n",
        "referrals/2026-ueda-001.yaml": "id: 2026-ueda-001\npartner: ueda\ncontract: spcom-referral\n"
                                        "client: x\nreferred: 2026-06-01\n",
    })
    assert problems(root) == [
        ("referrals/2026-ueda-001.yaml", 3, "error", "contract-partner",
         "contract 'spcom-referral' belongs to partner 'spcom', not 'ueda'"),
    ]


def test_meeting_contract_must_belong_to_its_partners(workspace: WorkspaceFactory) -> None:
    root = workspace({
        "partners/spcom.yaml": "id: spcom\nname: x\n",
        "meetings/2026/2026-11-10-ueda-regular.yaml": "id: 2026-11-10-ueda-regular\npartners: [spcom]\n"
                                                      "date: 2026-11-10\ncontract: ueda-referral\n",
    })
    assert [(p[1], p[3]) for p in problems(root)] == [(4, "contract-partner")]


def test_referral_kind_needs_a_fee_rule(workspace: WorkspaceFactory) -> None:
    root = workspace(contract("fees:\n  student:\n    fixed: 30000"))
    assert problems(root) == [
        ("referrals/2026-ueda-001.yaml", 4, "error", "fee-rule",
         "contract 'ueda-referral' has no fee rule for 'customer' referrals (fees.customer)"),
    ]


def test_fee_rule_is_a_rate_or_a_fixed_amount(workspace: WorkspaceFactory) -> None:
    root = workspace(contract("fees:\n  customer:\n    rate: 15%\n    fixed: 1000\n"
                              "  student:\n    fixed: 30000\n    basis: paid"))
    assert [(p[1], p[3], p[4]) for p in problems(root)] == [
        (6, "fee-rule", "fees.customer: give exactly one of rate or fixed"),
        (11, "fee-rule", "'basis' applies only to a rate, not to a fixed fee"),
    ]


def test_auto_renew_needs_a_term(workspace: WorkspaceFactory) -> None:
    root = workspace(contract("end: 2026-12-31\nauto_renew: true\nfees:\n  customer:\n    rate: 15%"))
    assert problems(root) == [
        ("contracts/ueda-referral.yaml", 6, "error", "auto-renew-term",
         "auto_renew needs a term (the length of each renewal, e.g. term: 1y)"),
    ]


def test_dates_in_order(workspace: WorkspaceFactory) -> None:
    root = workspace({
        **contract("signed: 2026-02-01\nend: 2025-12-31\nfees:\n  customer:\n    rate: 15%"),
        "referrals/2026-ueda-001.yaml": """\
            id: 2026-ueda-001
            partner: ueda
            contract: ueda-referral
            client: x
            referred: 2026-06-01
            status: won
            deal: {signed: 2026-07-01, amount: 1000}
            payments:
              - {date: 2026-06-30, amount: 100}
            """,
    })
    assert [(p[0], p[1], p[2], p[4]) for p in problems(root)] == [
        ("contracts/ueda-referral.yaml", 5, "warning", "signed 2026-02-01 is after start 2026-01-01"),
        ("contracts/ueda-referral.yaml", 6, "error", "end 2025-12-31 is before start 2026-01-01"),
        ("referrals/2026-ueda-001.yaml", 9, "error",
         "payment on 2026-06-30 is before the deal was signed (2026-07-01)"),
    ]


def test_withholding_on_a_corporation(workspace: WorkspaceFactory) -> None:
    for kind in ("true", "fee", "salesperson"):
        root = workspace({"partners/ueda.yaml": f"id: ueda\nname: x\nwithholding: {kind}\n"})
        assert [(p[1], p[3]) for p in problems(root)] == [(3, "withholding")]
    for kind in ("none", "false"):
        root = workspace({"partners/ueda.yaml": f"id: ueda\nname: x\nwithholding: {kind}\n"})
        assert problems(root) == []


def test_withholding_kinds_of_an_individual(workspace: WorkspaceFactory) -> None:
    """A kind is none, fee or salesperson; true (of files written before the kinds) is read as fee and said."""
    individual = "id: ueda\nname: 上田太郎\nentity: individual\nwithholding: {}\n"
    for kind in ("none", "false", "fee", "salesperson"):
        assert problems(workspace({"partners/ueda.yaml": individual.format(kind)})) == []
    found = problems(workspace({"partners/ueda.yaml": individual.format("true")}))
    assert [(p[1], p[2], p[3]) for p in found] == [(4, "warning", "withholding-kind")]
    assert "fee" in found[0][4] and "salesperson" in found[0][4]
    found = problems(workspace({"partners/ueda.yaml": individual.format("yes")}))
    assert [(p[1], p[2], p[3]) for p in found] == [(4, "error", "enum")]
    assert "'none', 'fee', 'salesperson'" in found[0][4]


def test_cancelled_referral_needs_its_date_and_a_deal(workspace: WorkspaceFactory) -> None:
    root = workspace({"referrals/2026-ueda-001.yaml": "id: 2026-ueda-001\npartner: ueda\ncontract: ueda-referral\n"
                                                      "client: x\nreferred: 2026-06-01\nstatus: cancelled\n"})
    assert [(p[1], p[3]) for p in problems(root)] == [(6, "cancelled-date"), (6, "deal-missing")]


def test_meeting_folder_year(workspace: WorkspaceFactory) -> None:
    root = workspace({
        "meetings/2026/2026-11-10-ueda-regular.yaml": None,
        "meetings/2025/2026-01-10-ueda.yaml": "id: 2026-01-10-ueda\npartners: [ueda]\ndate: 2026-01-10\n",
        "meetings/2026-02-10-ueda.yaml": "id: 2026-02-10-ueda\npartners: [ueda]\ndate: 2026-02-10\n",
    })
    assert [(p[0], p[3], p[4]) for p in problems(root)] == [
        ("meetings/2025/2026-01-10-ueda.yaml", "meeting-year",
         "a meeting of 2026 belongs in meetings/2026/2026-01-10-ueda.yaml"),
        ("meetings/2026-02-10-ueda.yaml", "meeting-year",
         "a meeting of 2026 belongs in meetings/2026/2026-02-10-ueda.yaml"),
    ]


def test_every_problem_is_reported_in_one_run(workspace: WorkspaceFactory) -> None:
    root = workspace({
        "partners/ueda.yaml": "id: ueda\nname: x\nwithholding: true\n",
        "partners/bad.yaml": "id: bad\nname: [\n",
        "contracts/ueda-referral.yaml": "id: ueda-referral\npartner: ueda\ntype: referral\nstart: 2026-01-01\n"
                                        "auto_renew: true\nend: 2026-12-31\nfees:\n  customer:\n    rate: 15%\n",
    })
    assert {p[3] for p in problems(root)} == {"withholding", "yaml-syntax", "auto-renew-term"}


def test_a_deal_needs_its_amount_only_for_a_rate_on_the_deal(workspace: WorkspaceFactory) -> None:
    student = ("id: 2026-ueda-002\npartner: ueda\ncontract: ueda-referral\nkind: student\nclient: x\n"
               "referred: 2026-06-01\nstatus: won\ndeal: {signed: 2026-07-01}\n")
    assert problems(workspace({"referrals/2026-ueda-002.yaml": student})) == []  # a fixed fee
    (workspace() / "referrals" / "2026-ueda-002.yaml").unlink()
    root = workspace({
        **contract("fees:\n  customer:\n    rate: 10%\n    basis: deal"),
        "referrals/2026-ueda-001.yaml": student.replace("002", "001").replace("student", "customer"),
    })
    assert [(p[0], p[1], p[3], p[4]) for p in problems(root)] == [
        ("referrals/2026-ueda-001.yaml", 8, "deal-missing",
         "deal needs amount: its contract's fee is a rate on the deal"),
    ]


def test_a_payment_after_the_cancellation_is_a_warning(workspace: WorkspaceFactory) -> None:
    referral = ("id: 2026-ueda-001\npartner: ueda\ncontract: ueda-referral\nclient: x\nreferred: 2026-06-01\n"
                "status: cancelled\ndeal: {signed: 2026-07-01, amount: 1}\ncancelled: 2026-08-15\n"
                "payments:\n  - {date: 2026-07-31, amount: 100}\n  - {date: 2026-09-30, amount: 100}\n")
    assert [(p[1], p[2], p[3]) for p in problems(workspace({"referrals/2026-ueda-001.yaml": referral}))] == [
        (11, "warning", "date-order")]


def test_a_check_runs_alone_on_hand_built_records(tmp_path: Path) -> None:
    """Checks are pure: records in, findings (record, key path) out — no file needed."""
    from haru_cli.records.dataset import Dataset
    from haru_cli.records.models import Partner
    from haru_cli.rules.checks import check_partners

    ds = Dataset(tmp_path)
    ds.partners["p"] = Partner(id="p", name="x", withholding=True)
    [found] = check_partners(ds)
    assert (found.kind, found.record, found.loc, found.code) == ("partner", "p", ("withholding",), "withholding")


@pytest.mark.parametrize(("holder", "char"), [("上田商事", "上"), ("ウエダ「ホンテン」", "｢"), ("ウエダ」", "｣"),
                                           ("カ）ウエダ，ホンテン", ","), ("ウエダ/ホンテン", "/"), ("ウエダ￥", "¥")])
def test_a_holder_no_bank_takes_is_an_error_naming_the_record(workspace: WorkspaceFactory, haru: Haru, holder: str,
                                                              char: str) -> None:
    partner = str(BANKED["partners/ueda.yaml"])
    root = workspace({**BANKED, "partners/ueda.yaml": partner.replace("カ）ウエダ", holder)})
    result = haru("--data", root, "--lang", "en", "validate")
    assert result.exit_code == 1
    assert f"partners/ueda.yaml:9:11: error[bank] bank.holder: '{holder}' holds '{char}', which banks" in result.stdout


def test_a_bank_code_not_in_the_list_is_an_error_of_the_record(workspace: WorkspaceFactory, haru: Haru) -> None:
    partner = str(BANKED["partners/ueda.yaml"])
    unknown = workspace({**BANKED, "partners/ueda.yaml": partner.replace("bank: 5", "bank: 9998")})
    said = haru("--data", unknown, "--lang", "en", "validate").stdout
    assert "error[bank] bank: bank code '9998' is not in the 全銀 list" in said


def test_a_holder_longer_than_the_bank_takes_is_an_error_of_the_record(workspace: WorkspaceFactory, haru: Haru) -> None:
    long_name = "カブシキガイシャユーシーワールドマーケティングアンドコンサルティング"  # 37 places in bank kana
    partner = str(BANKED["partners/ueda.yaml"]).replace("カ）ウエダ", long_name)
    result = haru("--data", workspace({**BANKED, "partners/ueda.yaml": partner}), "--lang", "en", "validate")
    assert result.exit_code == 1
    assert "error[bank] bank.holder:" in result.stdout and "over 30 characters" in result.stdout


@pytest.mark.parametrize(("path", "text", "said"), [
    ("time/2026/2026-11.yaml", "id: 2026-11\nentries:\n  - {date: 2026-11-04, area: admin}\n",
     "3:5: error[time-entry] give exactly one of hours and minutes"),
    ("time/2026/2026-11.yaml", "id: 2026-11\nentries:\n  - {date: 2026-11-04, hours: 1, minutes: 60, area: admin}\n",
     "give exactly one of hours and minutes"),
    ("time/2026/2026-11.yaml", "id: 2026-11\nentries:\n  - {date: 2026-10-31, hours: 1, area: admin}\n",
     "date: 2026-10-31 is not a day of this file's month (2026-11)"),
    ("time/2026/2026-11.yaml", "id: 2026-11\nentries:\n  - {date: 2026-11-04, hours: 1.3, area: admin}\n",
     "error[hours] entries.0.hours: 1.3 hours is not in quarter hours"),
    ("time/2026/2026-11.yaml", "id: 2026-11\nentries:\n  - {date: 2026-11-04, hours: 1, area: play}\n", "error[enum]"),
    ("time/2026/2026-11.yaml", "id: 2026-11\nentries:\n  - {date: 2026-11-04, hours: 1, area: admin, partner: x}\n",
     "3:56: error[ref-partner] no partner 'x'"),
    ("time/2025/2026-11.yaml", NOVEMBER, "error[time-year] a time log of 2026 belongs in time/2026/2026-11.yaml"),
    ("time/2026/2026-13.yaml", "id: 2026-13\n", "error[date]"),
    ("haru.yaml", "time:\n  targets: {consulting: 60%, school: 50%}\n",
     "error[rate] time.targets: the targets come to 110%, over 100%"),
    ("automations/minutes.yaml", "id: minutes\ntitle: x\narea: admin\nstatus: retired\nsince: 2026-01-01\n"
                                 "baseline: {minutes: 1, per_month: 1}\n",
     "4:9: error[automation] a retired automation needs the day it was retired"),
    ("automations/minutes.yaml", "id: minutes\ntitle: x\narea: admin\nsince: 2026-01-01\n"
                                 "baseline: {minutes: -1, per_month: 1}\n", "error[number] baseline.minutes"),
])
def test_time_records_are_checked(workspace: WorkspaceFactory, haru: Haru, path: str, text: str, said: str) -> None:
    files: dict[str, str | bytes | None] = {**TIME, path: text}
    if path == "time/2025/2026-11.yaml":
        files["time/2026/2026-11.yaml"] = None
    result = haru("--data", workspace(files), "--lang", "en", "validate")
    assert result.exit_code == 1 and said in result.stdout, result.stdout


def test_a_zero_renewal_term_is_an_error_and_nothing_hangs(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace({"contracts/ueda-referral.yaml": REFERRAL_CONTRACT + "end: 2026-03-31\nauto_renew: true\n"
                                                                          "term: 0m\n"})
    assert codes(root) == [("contracts/ueda-referral.yaml", 10, "auto-renew-term", "auto-renew-term.zero")]
    assert haru("--data", root, "--today", "2026-11-27", "contract", "list").exit_code == 0


def test_a_partner_listed_twice_in_a_meeting(workspace: WorkspaceFactory) -> None:
    root = workspace({"meetings/2026/2026-11-10-ueda-regular.yaml": "id: 2026-11-10-ueda-regular\n"
                                                                    "partners: [ueda, ueda]\ndate: 2026-11-10\n"})
    assert codes(root) == [("meetings/2026/2026-11-10-ueda-regular.yaml", 2, "ref-partner", "ref-partner.twice")]


def test_a_partner_listed_thousands_of_times_is_checked_in_linear_time(workspace: WorkspaceFactory) -> None:
    partners = ", ".join(f"p{n}" for n in range(15_000))
    root = workspace({"meetings/2026/m.yaml": f"id: m\npartners: [{partners}, p1]\ndate: 2026-01-01\n"})
    problems = load_workspace(root).problems
    assert {p.code for p in problems} == {"ref-partner", "more-problems"}


def test_a_renewal_term_of_a_day_or_two_is_refused(workspace: WorkspaceFactory) -> None:
    contract = ("id: ueda-referral\npartner: ueda\ntype: referral\nstart: 2020-01-01\nend: 2020-01-01\n"
                "auto_renew: true\nterm: 1d\nfees:\n  customer:\n    rate: 15%\n")
    assert [(p.code, p.variant) for p in load_workspace(workspace({"contracts/ueda-referral.yaml": contract})).problems
            ] == [("auto-renew-term", "auto-renew-term.short")]


def test_a_vendor_s_bank_is_checked_against_the_list_as_a_partner_s(workspace: WorkspaceFactory, haru: Haru) -> None:
    vendor = ("id: studio\nname: スタジオ株式会社\n"
              "bank: {bank: '9998', branch: '001', number: '1234567', holder: ｽﾀｼﾞｵ}\n")
    root = workspace({"vendors/studio.yaml": vendor})
    said = haru("--data", root, "--lang", "en", "validate").stdout
    assert "vendors/studio.yaml:3:" in said and "error[bank] bank: bank code '9998' is not in the 全銀 list" in said
