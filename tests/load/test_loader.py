"""Files → records: problems point at the key or value, broken files are skipped, nothing else stops."""

from __future__ import annotations

import json

from tests.helpers import REFERRAL_CONTRACT, Haru, WorkspaceFactory, codes, load_workspace, problems


def found(root: object) -> list[tuple[str, int, int, str]]:
    ds = load_workspace(root)  # type: ignore[arg-type]
    return [(p.path, p.line, p.column, p.code) for p in ds.problems]


def test_base_workspace_is_clean(workspace: WorkspaceFactory) -> None:
    ds = load_workspace(workspace())
    assert ds.problems == []
    assert (len(ds.partners), len(ds.contracts), len(ds.meetings), len(ds.referrals), ds.files) == (1, 1, 1, 1, 5)
    assert ds.settings.company == "テスト株式会社"
    assert str(ds.settings.tax.rate) == "10%" and ds.settings.payout.day == "end"


def test_unknown_key_points_at_the_key_and_suggests(workspace: WorkspaceFactory) -> None:
    root = workspace({"partners/ueda.yaml": "id: ueda\nname: x\ncontacts:\n  - name: 上田\n    emial: u@x.jp\n"})
    ds = load_workspace(root)
    [problem] = ds.problems
    assert (problem.path, problem.line, problem.column, problem.code) == ("partners/ueda.yaml", 5, 5, "unknown-key")
    assert problem.message("en") == "unknown key 'emial'; did you mean 'email'?"


def test_unknown_keys_are_suggested_at_every_depth(workspace: WorkspaceFactory) -> None:
    root = workspace({
        "haru.yaml": "payout:\n  shfit: next\n",
        "contracts/ueda-referral.yaml": """\
            id: ueda-referral
            partner: ueda
            type: referral
            start: 2026-01-01
            fees:
              customer:
                rat: 15%
            """,
        "referrals/r1.yaml": """\
            id: r1
            partner: ueda
            contract: ueda-referral
            client: 株式会社アルファ
            referred: 2026-03-01
            deal:
              signed: 2026-04-01
              amout: 1000000
            """,
    })
    assert sorted((p.path, p.line, p.message("en")) for p in load_workspace(root).problems) == [
        ("contracts/ueda-referral.yaml", 7, "unknown key 'rat'; did you mean 'rate'?"),
        ("haru.yaml", 2, "unknown key 'shfit'; did you mean 'shift'?"),
        ("referrals/r1.yaml", 8, "unknown key 'amout'; did you mean 'amount'?"),
    ]


def test_a_nested_record_needs_its_keys_and_must_be_a_mapping(workspace: WorkspaceFactory) -> None:
    root = workspace({"partners/ueda.yaml": "id: ueda\nname: x\ncontacts:\n  - title: 部長\n  - [上田, 部長]\n"})
    assert [(p.line, p.code, p.message("en")) for p in load_workspace(root).problems] == [
        (4, "missing-key", "contacts.0.name is required"),
        (5, "type", "contacts.1: expected a mapping of keys, got [...]"),
    ]


def test_missing_required_key(workspace: WorkspaceFactory) -> None:
    root = workspace({"partners/ueda.yaml": "id: ueda\nkana: ウエダ\n"})
    ds = load_workspace(root)
    assert [(p.code, p.message("en")) for p in ds.problems] == [("missing-key", "name is required")]


def test_wrong_types_point_at_the_value(workspace: WorkspaceFactory) -> None:
    root = workspace({"contracts/ueda-referral.yaml": """\
        id: ueda-referral
        partner: ueda
        type: referal
        start: 2026-02-30
        auto_renew: yes
        term: 1y
        value:
          amount: 1,000,000
          per: month
        """})
    assert found(root) == [
        ("contracts/ueda-referral.yaml", 3, 7, "enum"),
        ("contracts/ueda-referral.yaml", 4, 8, "date"),
        ("contracts/ueda-referral.yaml", 5, 13, "type"),
        ("contracts/ueda-referral.yaml", 8, 11, "money"),
    ]


def test_empty_key_means_not_given(workspace: WorkspaceFactory) -> None:
    root = workspace({"partners/ueda.yaml": "id: ueda\nname: x\nkana:\naliases:\nnotes:\n"})
    assert found(root) == []


def test_id_must_match_the_file_name(workspace: WorkspaceFactory) -> None:
    root = workspace({"partners/ueda.yaml": "id: uedaa\nname: x\n"})
    ds = load_workspace(root)
    assert [(p.code, p.line) for p in ds.problems] == [("id-filename", 1)]
    assert "ueda" not in ds.partners
    assert ds.skipped == 4  # and the contract, meeting and referral that rest on it


def test_a_broken_file_is_skipped_and_references_to_it_are_not_repeated(workspace: WorkspaceFactory) -> None:
    root = workspace({"partners/ueda.yaml": "id: ueda\nname: [x\n"})
    ds = load_workspace(root)
    assert [p.code for p in ds.problems] == ["yaml-syntax"]  # not also "no partner ueda" in three files
    # What rests on the broken partner is left out with it, and counted.
    assert ds.skipped == 4 and (ds.contracts, ds.meetings, ds.referrals) == ({}, {}, {})


def test_a_third_copy_of_an_id_is_reported_too(workspace: WorkspaceFactory) -> None:
    meeting = "id: m1\npartners: [ueda]\ndate: {year}-05-01\n"
    root = workspace({f"meetings/{y}/m1.yaml": meeting.format(year=y) for y in (2025, 2026, 2027)})
    ds = load_workspace(root)
    assert [(p.path, p.code) for p in ds.problems] == [(f"meetings/{y}/m1.yaml", "duplicate-id") for y in
                                                        (2025, 2026, 2027)]
    assert ds.skipped == 3


def test_duplicate_meeting_id_across_years(workspace: WorkspaceFactory) -> None:
    meeting = "id: m1\npartners: [ueda]\ndate: {date}\n"
    root = workspace({"meetings/2025/m1.yaml": meeting.format(date="2025-05-01"),
                      "meetings/2026/m1.yaml": meeting.format(date="2026-05-01")})
    # Neither copy is trusted: both are reported and both skipped.
    assert found(root) == [("meetings/2025/m1.yaml", 1, 5, "duplicate-id"),
                           ("meetings/2026/m1.yaml", 1, 5, "duplicate-id")]
    assert load_workspace(root).meetings.keys() == {"2026-11-10-ueda-regular"}


def test_yml_files_are_named_not_ignored(workspace: WorkspaceFactory) -> None:
    root = workspace({"partners/other.yml": "id: other\nname: x\n"})
    assert found(root) == [("partners/other.yml", 1, 1, "file-name")]


def test_other_files_and_subfolders_are_left_alone(workspace: WorkspaceFactory) -> None:
    root = workspace({"contracts/pdf/readme.yaml": "not: a contract\n", "partners/README.md": "# notes\n"})
    assert found(root) == []


def test_settings_are_validated(workspace: WorkspaceFactory) -> None:
    root = workspace({"haru.yaml": "locale: fr\ntax:\n  rate: 0.1\n  rounding: up\npayout:\n  day: 31\n"})
    ds = load_workspace(root)
    assert [(p.path, p.line, p.code) for p in ds.problems] == [
        ("haru.yaml", 1, "enum"), ("haru.yaml", 3, "rate"), ("haru.yaml", 4, "enum"), ("haru.yaml", 6, "enum"),
    ]
    assert ds.settings.locale == "ja"  # the defaults stand in for a broken haru.yaml


def test_comment_only_settings_mean_defaults(workspace: WorkspaceFactory) -> None:
    assert found(workspace({"haru.yaml": "# all defaults\n"})) == []


def test_yaml_1_2_keys_and_values_reach_the_models(workspace: WorkspaceFactory) -> None:
    root = workspace({"partners/ueda.yaml": "id: ueda\nname: x\ncontacts:\n  - name: y\n    phone: 0312345678\n"})
    ds = load_workspace(root)
    # 0312345678 is the integer 312345678 in YAML 1.2: a phone number must be quoted, and haru says so.
    assert [(p.code, p.line, p.column) for p in ds.problems] == [("type", 5, 12)]
    assert "quotes" in ds.problems[0].message("en")


def test_a_required_key_left_empty_is_reported_at_its_own_line(workspace: WorkspaceFactory) -> None:
    root = workspace({"partners/ueda.yaml": "id: ueda\nkana: ウエダ\nname:\ncadence: monthly\n"})
    assert found(root) == [("partners/ueda.yaml", 3, 1, "missing-key")]


def test_nan_rate_and_empty_required_text(workspace: WorkspaceFactory) -> None:
    root = workspace({
        "contracts/ueda-referral.yaml": REFERRAL_CONTRACT.replace("15%", ".nan"),
        "partners/ueda.yaml": 'id: ueda\nname: ""\n',
    })
    assert [(c[0], c[3]) for c in codes(root)] == [("contracts/ueda-referral.yaml", "rate.format"),
                                                   ("partners/ueda.yaml", "type.empty")]


def test_a_huge_payout_offset_is_refused_by_validate(workspace: WorkspaceFactory) -> None:
    assert [c[2] for c in codes(workspace({"haru.yaml": "payout:\n  month_offset: 100000\n"}))] == ["range"]


def test_an_integer_of_thousands_of_digits_is_a_range_problem(workspace: WorkspaceFactory, haru: Haru) -> None:
    contract = ("id: ueda-referral\npartner: ueda\ntype: referral\nstart: 2026-01-01\n"
                f"value: {{amount: {'9' * 5000}, per: month}}\nfees:\n  customer:\n    rate: 15%\n")
    root = workspace({"contracts/ueda-referral.yaml": contract})
    assert problems(root) == [("contracts/ueda-referral.yaml", 5, "range", "range.digits")]
    for command in (["validate"], ["partner", "list"], ["fees", "calc"]):
        result = haru("--data", root, *command)
        assert result.exit_code in (0, 1) and "internal error" not in result.stderr


def test_problems_per_file_are_capped_and_counted(workspace: WorkspaceFactory, haru: Haru) -> None:
    keys = "".join(f"k{n}: 1\n" for n in range(5000))
    root = workspace({"partners/ueda.yaml": "id: ueda\nname: x\n" + keys})
    result = haru("--data", root, "--lang", "en", "validate")
    lines = result.stdout.splitlines()
    assert len(lines) == 102  # a hundred problems, the line that says how many more, the summary
    assert "error[more-problems] ... and 4,900 more problems in this file" in lines[100]
    assert lines[-1] == "5 files checked: 5000 errors, 0 warnings"
    data = json.loads(haru("--data", root, "validate", "--format", "json").stdout)
    assert data["errors"] == 5000 and len(data["problems"]) == 101


def test_leading_zeros_do_not_make_a_long_integer_a_crash(workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace({"haru.yaml": "fiscal_year_start: " + "0" * 5000 + "4\n",
                      "meetings/2026/2026-11-10-ueda-regular.yaml": "id: 2026-11-10-ueda-regular\npartners: [ueda]\n"
                      "date: 2026-11-10\nminutes: " + "0" * 5000 + "60\n"})
    assert load_workspace(root).problems == []  # 0…04 is 4, as YAML 1.2 reads it
    root = workspace({"haru.yaml": "fiscal_year_start: " + "0" * 5000 + "1" * 30 + "\n"})
    assert [p.variant for p in load_workspace(root).problems] == ["range.digits"]
    assert haru("--data", root, "partner", "list").exit_code == 0
