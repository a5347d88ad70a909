"""haru merge-driver through real git (SPEC §18): two clones of one bare repository, the 社長's and a PM's,
each committing, then a merge — with the driver set up by `haru init --git-config`, and without it. And the
driver given hostile versions by hand: never a crash, never a lost side."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers import Haru, git_env

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

COURSE = ("id: practice\ntitle: 実践コース\nstart: 2026-04-01\nassignments:\n"
          "  - {id: a1, title: 業務への適用, criteria: [具体性]}\n")
STUDENT = "id: {id}\nname: {name}\ncourse: practice\nenrolled: 2026-04-10\n"
PARTNER = ("# yaml-language-server: $schema=../schemas/partner.schema.json\nid: ueda\nname: 株式会社ウエダ\n"
           "kana: ウエダ\n# 担当は社長（2026 年から）\nowner: 社長\ncadence: monthly\n")
REFERRAL = ("id: 2026-ueda-001\npartner: ueda\ncontract: ueda-referral\nclient: 株式会社サンプル物流\n"
            "referred: 2026-06-01\nstatus: won\ndeal: {signed: 2026-07-01, amount: 3600000}\npayments:\n"
            "  - {date: 2026-07-31, amount: 300000}\n")
CONTRACT = "id: ueda-referral\npartner: ueda\ntype: referral\nstart: 2026-01-01\nfees:\n  customer:\n    rate: 15%\n"


class Team:
    """A bare repository and two clones of it: the 社長's (boss) and a PM's (pm)."""

    def __init__(self, tmp_path: Path, haru: Haru, *, configured: bool = True) -> None:
        self.env = git_env(tmp_path / "no-bin")
        self.haru = haru
        self.bare = tmp_path / "origin.git"
        self.git(tmp_path, "init", "-q", "--bare", "-b", "main", str(self.bare))
        self.boss, self.pm = tmp_path / "boss", tmp_path / "pm"
        self.git(tmp_path, "clone", "-q", str(self.bare), str(self.boss))
        assert haru("init", self.boss).exit_code == 0
        for name, text in {"partners/ueda.yaml": PARTNER, "contracts/ueda-referral.yaml": CONTRACT,
                           "referrals/2026-ueda-001.yaml": REFERRAL, "courses/practice.yaml": COURSE,
                           "students/2026-sato.yaml": STUDENT.format(id="2026-sato", name="佐藤 花子"),
                           "students/2026-ito.yaml": STUDENT.format(id="2026-ito", name="伊藤 一郎")}.items():
            (self.boss / name).write_text(text, encoding="utf-8")
        self.commit(self.boss, "最初のレコード")
        self.git(self.boss, "push", "-q", "origin", "HEAD:main")
        self.git(tmp_path, "clone", "-q", str(self.bare), str(self.pm))
        if configured:
            for clone in (self.boss, self.pm):
                result = haru("init", clone, "--git-config")
                assert result.exit_code == 0, result.stderr

    def git(self, where: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(["git", *args], cwd=where, env=self.env, capture_output=True, text=True)
        assert not check or done.returncode == 0, done.stderr
        return done

    def run(self, clone: Path, *args: str) -> None:
        result = self.haru("--data", clone, "--today", "2026-12-10", *args)
        assert result.exit_code == 0, result.stderr

    def commit(self, clone: Path, message: str) -> None:
        self.git(clone, "add", "-A")
        self.git(clone, "commit", "-q", "-m", message)

    def both(self, boss: list[list[str]], pm: list[list[str]]) -> subprocess.CompletedProcess[str]:
        """The PM commits and pushes; the 社長 commits, then pulls (a merge)."""
        for args in pm:
            self.run(self.pm, *args)
        self.commit(self.pm, "PM")
        self.git(self.pm, "push", "-q", "origin", "HEAD:main")
        for args in boss:
            self.run(self.boss, *args)
        self.commit(self.boss, "社長")
        return self.git(self.boss, "pull", "-q", "--no-rebase", "--no-edit", "origin", "main", check=False)

    def text(self, name: str) -> str:
        return (self.boss / name).read_text(encoding="utf-8")


@pytest.fixture
def team(tmp_path: Path, haru: Haru) -> Team:
    return Team(tmp_path, haru)


def test_two_time_logs_of_one_month_merge_with_every_entry_once_by_date(team: Team, haru: Haru) -> None:
    done = team.both([["time", "log", "1.5h", "consulting", "社長の記録", "--date", "2026-12-05"]],
                     [["time", "log", "2h", "school", "PM の記録", "--date", "2026-12-03"],
                      ["time", "log", "30m", "admin", "PM 二件目", "--date", "2026-12-09"]])
    assert done.returncode == 0, done.stderr
    log = team.text("time/2026/2026-12.yaml")
    assert [log.count(note) for note in ("社長の記録", "PM の記録", "PM 二件目")] == [1, 1, 1]
    assert log.index("2026-12-03") < log.index("2026-12-05") < log.index("2026-12-09")
    assert haru("--data", team.boss, "validate", "--strict").exit_code == 0


def test_two_payments_on_one_referral_merge(team: Team) -> None:
    done = team.both([["referral", "pay", "2026-ueda-001", "--date", "2026-11-30", "--amount", "300000"]],
                     [["referral", "pay", "2026-ueda-001", "--date", "2026-10-31", "--amount", "300000"]])
    assert done.returncode == 0, done.stderr
    text = team.text("referrals/2026-ueda-001.yaml")
    assert [text.count(day) for day in ("2026-07-31", "2026-10-31", "2026-11-30")] == [1, 1, 1]
    assert text.index("2026-10-31") < text.index("2026-11-30")


def test_two_evaluations_of_one_student_merge(team: Team) -> None:
    done = team.both([["school", "evaluate", "2026-sato", "a1", "--level", "具体性=3", "--date", "2026-06-10"]],
                     [["school", "evaluate", "2026-sato", "a1", "--level", "具体性=2", "--date", "2026-05-20"]])
    assert done.returncode == 0, done.stderr
    text = team.text("students/2026-sato.yaml")
    assert text.count("assignment: a1") == 2 and text.index("2026-05-20") < text.index("2026-06-10")


def test_different_keys_of_one_partner_merge_and_its_comments_stay(team: Team, haru: Haru) -> None:
    (team.pm / "partners/ueda.yaml").write_text(PARTNER.replace("monthly", "quarterly"), encoding="utf-8")
    (team.boss / "partners/ueda.yaml").write_text(PARTNER.replace("owner: 社長", "owner: 鈴木"), encoding="utf-8")
    done = team.both([], [])
    assert done.returncode == 0, done.stderr
    assert team.text("partners/ueda.yaml") == PARTNER.replace("monthly", "quarterly").replace("owner: 社長",
                                                                                              "owner: 鈴木")


def test_one_key_changed_two_ways_conflicts_and_validate_and_the_hook_say_merge_conflict(
        team: Team, haru: Haru) -> None:
    (team.pm / "partners/ueda.yaml").write_text(PARTNER.replace("owner: 社長", "owner: 田中"), encoding="utf-8")
    (team.boss / "partners/ueda.yaml").write_text(PARTNER.replace("owner: 社長", "owner: 鈴木"), encoding="utf-8")
    done = team.both([["time", "log", "1h", "admin", "社長", "--date", "2026-12-01"]],
                     [["time", "log", "1h", "admin", "PM", "--date", "2026-12-02"]])
    assert done.returncode != 0
    assert "owner" in done.stderr
    text = team.text("partners/ueda.yaml")
    assert "<<<<<<< ours\nowner: 鈴木\n=======\nowner: 田中\n>>>>>>> theirs\n" in text
    assert "# 担当は社長（2026 年から）\n" in text and "cadence: monthly" in text
    result = haru("--lang", "en", "--data", team.boss, "validate")
    assert result.exit_code == 1
    assert "partners/ueda.yaml:6:1: error[merge-conflict] git's conflict markers" in result.stdout
    assert "yaml-syntax" not in result.stdout
    team.git(team.boss, "add", "partners/ueda.yaml")  # staged with its markers: the hook refuses it
    staged = haru("--data", team.boss, "validate", "--staged")
    assert staged.exit_code == 1 and "merge-conflict" in staged.stdout
    assert team.text("time/2026/2026-12.yaml").count("note:") == 2  # the other file merged cleanly


def test_without_git_config_the_same_merge_conflicts_as_git_always_does(tmp_path: Path, haru: Haru) -> None:
    team = Team(tmp_path, haru, configured=False)
    done = team.both([["time", "log", "1.5h", "consulting", "社長の記録", "--date", "2026-12-05"]],
                     [["time", "log", "2h", "school", "PM の記録", "--date", "2026-12-03"]])
    assert done.returncode != 0 and "CONFLICT" in done.stdout + done.stderr
    text = team.text("time/2026/2026-12.yaml")
    assert "<<<<<<< HEAD" in text and ">>>>>>> " in text  # git's own markers: nothing merged by a guess
    assert "merge-conflict" in haru("--data", team.boss, "validate").stdout


def test_a_certificate_number_taken_on_two_branches_is_settled_by_renumber(team: Team, haru: Haru) -> None:
    done = team.both([["school", "evaluate", "2026-sato", "a1", "--level", "具体性=3", "--date", "2026-06-10"],
                      ["school", "certify", "2026-sato", "--date", "2026-07-01"]],
                     [["school", "evaluate", "2026-ito", "a1", "--level", "具体性=4", "--date", "2026-06-11"],
                      ["school", "certify", "2026-ito", "--date", "2026-07-02"]])
    assert done.returncode != 0
    path = "certificates/2026/haru-2026-0001.yaml"
    assert f"haru school renumber {path}" in done.stdout + done.stderr  # the driver says what settles it
    said = haru("--data", team.boss, "validate").stdout
    assert "merge-conflict" in said and f"haru school renumber {path}" in said  # and so does validate
    result = haru("--data", team.boss, "--today", "2026-12-10", "school", "renumber", team.boss / path)
    assert result.exit_code == 0, result.stderr
    assert "伊藤 一郎" in result.stdout  # the other student's certificate, rendered again
    assert "student: 2026-sato" in team.text(path) and "<<<<<<<" not in team.text(path)
    moved = team.text("certificates/2026/haru-2026-0002.yaml")
    assert "student: 2026-ito" in moved and "replaces: haru-2026-0001" in moved
    team.git(team.boss, "add", "-A")
    assert haru("--data", team.boss, "validate", "--staged").exit_code == 0
    team.git(team.boss, "commit", "-q", "--no-edit")
    certified = haru("--data", team.boss, "school", "certify", "2026-ito", "--render")
    assert certified.exit_code == 0 and "haru-2026-0002" in certified.stdout
    again = haru("--data", team.boss, "school", "renumber", path)
    assert again.exit_code == 1 and "競合マーカーがありません" in again.stderr


# --- the driver given what git would never give it, or a repository someone else wrote -------------------

RECORD = "id: ueda\nname: 株式会社ウエダ\nowner: 社長\n"


def drive(tmp_path: Path, haru: Haru, base: bytes, ours: bytes, theirs: bytes,
          path: str = "partners/ueda.yaml") -> tuple[int, str, bytes]:
    files = {}
    for name, content in (("O", base), ("A", ours), ("B", theirs)):
        files[name] = tmp_path / f".merge_file_{name}"
        files[name].write_bytes(content)
    old = Path.cwd()
    os.chdir(tmp_path)
    try:
        result = haru("--lang", "en", "merge-driver", *(files[n].name for n in "OAB"), path)
    finally:
        os.chdir(old)
    return result.exit_code, result.stderr, files["A"].read_bytes()


def test_a_version_that_is_not_yaml_is_a_conflict_with_both_sides_whole(tmp_path: Path, haru: Haru) -> None:
    ours = RECORD.replace("社長", "鈴木").encode()
    code, said, text = drive(tmp_path, haru, RECORD.encode(), ours, b"id: [ueda\n")
    assert code == 1 and "does not read as a record" in said
    assert text == b"<<<<<<< ours\n" + ours + b"=======\nid: [ueda\n>>>>>>> theirs\n"


def test_an_alias_bomb_is_a_conflict_not_a_hang(tmp_path: Path, haru: Haru) -> None:
    bomb = b"a: &a [x, x, x, x, x, x, x, x, x]\n" + b"".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n".encode() for i in range(9))
    code, said, text = drive(tmp_path, haru, RECORD.encode(), RECORD.replace("社長", "鈴木").encode(), bomb)
    assert code == 1 and bomb in text


@pytest.mark.parametrize("side", [0, 1, 2])
def test_a_version_that_is_not_utf8_is_refused_and_ours_left_as_it_was(tmp_path: Path, haru: Haru,
                                                                        side: int) -> None:
    versions = [RECORD.encode(), RECORD.replace("社長", "鈴木").encode(), RECORD.replace("社長", "田中").encode()]
    versions[side] = RECORD.replace("社長", "ｼｬﾁｮｳ").encode("cp932")
    code, said, text = drive(tmp_path, haru, *versions)
    assert code == 1 and "is not UTF-8 (Shift_JIS?)" in said and "git checkout --theirs" in said
    assert text == versions[1]


def test_a_version_over_4_mb_is_refused(tmp_path: Path, haru: Haru) -> None:
    huge = RECORD.encode() + b"notes: " + b"x" * (4 * 2**20) + b"\n"
    code, said, text = drive(tmp_path, haru, RECORD.encode(), RECORD.replace("社長", "鈴木").encode(), huge)
    assert code == 1 and "is larger than 4 MB" in said and text == RECORD.replace("社長", "鈴木").encode()


def test_a_version_that_is_a_link_is_refused_and_nothing_is_written_through_it(tmp_path: Path, haru: Haru) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_text(RECORD, encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    (work / ".merge_file_O").write_text(RECORD, encoding="utf-8")
    (work / ".merge_file_B").write_text(RECORD.replace("社長", "田中"), encoding="utf-8")
    (work / ".merge_file_A").symlink_to(outside)
    old = Path.cwd()
    os.chdir(work)
    try:
        result = haru("--lang", "en", "merge-driver", ".merge_file_O", ".merge_file_A", ".merge_file_B", "p.yaml")
    finally:
        os.chdir(old)
    assert result.exit_code == 1 and "is a symbolic link" in result.stderr
    assert outside.read_text(encoding="utf-8") == RECORD


def test_ours_outside_the_folder_git_runs_it_in_is_never_written(tmp_path: Path, haru: Haru) -> None:
    (tmp_path / "a.yaml").write_text(RECORD, encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    old = Path.cwd()
    os.chdir(work)
    try:
        result = haru("--lang", "en", "merge-driver", "../a.yaml", "../a.yaml", "../a.yaml", "a.yaml")
    finally:
        os.chdir(old)
    assert result.exit_code == 1 and "outside the folder" in result.stderr


def test_a_merged_record_that_is_not_valid_is_no_clean_merge(tmp_path: Path, haru: Haru) -> None:
    (tmp_path / "haru.yaml").write_text("", encoding="utf-8")
    (tmp_path / "partners").mkdir()
    ours = RECORD.replace("社長", "鈴木").encode()
    theirs = (RECORD + "cadence: weekly\n").encode()
    code, said, text = drive(tmp_path, haru, RECORD.encode(), ours, theirs)
    assert code == 1 and "error[enum]" in said and "would not be valid" in said
    assert text == b"<<<<<<< ours\n" + ours + b"=======\n" + theirs + b">>>>>>> theirs\n"


def test_help_in_both_languages(haru: Haru) -> None:
    assert "git のマージドライバ" in haru("merge-driver", "--help").stdout
    assert "git's merge driver" in haru("--lang", "en", "merge-driver", "--help").stdout
    assert haru("merge-driver", "a").exit_code == 2
