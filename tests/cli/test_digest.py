"""haru digest: the short text for a chat room, and posting it to Slack or Chatwork — here a server of the
test's own on 127.0.0.1, which records what it is sent and answers 200, 400 or too late."""

from __future__ import annotations

import json
import urllib.parse

import pytest

from haru_cli.i18n import text
from tests.cli.conftest import ChatServer
from tests.helpers import TODAY, Haru, WorkspaceFactory

HOSTILE = "<!channel> [toall] 見積 & 提案\u202e"
WORKSPACE = {"meetings/2026/2026-11-20-ueda-hearing.yaml": f"""\
    id: 2026-11-20-ueda-hearing
    partners: [ueda]
    date: 2026-11-20
    kind: hearing
    minutes: 30
    actions:
      - task: "{HOSTILE}"
        due: 2026-11-25
    """}
DIGEST = """\
HaRu ダイジェスト 2026-11-27（2026-12-04 まで）

■ 期限超過（1 件）
・2026-11-25 アクション 株式会社ウエダ <!channel> [toall] 見積 & 提案\\u202e (超過)

■ 更新・解約の判断（2026-12-27 まで、1 件）
・株式会社ウエダ「ueda-referral」 解約予告期限 2026-11-30、期間満了 2026-12-31

■ 未払いの紹介手数料（1 件、計 ¥49,500）
・株式会社ウエダ 2026-07 分 ¥49,500（支払日 2026-08-31）
"""
SECRET = "xoxb-SECRET-do-not-show"


@pytest.fixture(autouse=True)
def _no_chat_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("HARU_SLACK_WEBHOOK", "HARU_CHATWORK_TOKEN", "HARU_CHATWORK_ROOM", "HARU_CHATWORK_API"):
        monkeypatch.delenv(name, raising=False)


def test_the_digest_says_what_is_overdue_due_to_decide_and_unpaid(haru: Haru, workspace: WorkspaceFactory) -> None:
    result = haru("--data", workspace(WORKSPACE), *TODAY, "digest")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == DIGEST
    later = haru("--data", workspace(WORKSPACE), "--today", "2026-12-05", "--lang", "en", "digest", "--within", "30d")
    assert later.stdout.splitlines()[5:9] == [
        "■ The next 30 days (1)", "・2026-12-10 Regular meeting 株式会社ウエダ", "",
        "■ Renew or cancel (until 2027-01-04: 1)"]
    assert "notice deadline 2026-11-30 passed, term ends 2026-12-31" in later.stdout
    early = haru("--data", workspace(WORKSPACE), "--today", "2026-11-01", "digest")  # a week's window, and
    assert "■ 更新・解約の判断（2026-12-01 まで、1 件）" in early.stdout  # a deadline 29 days off is said


def test_nothing_due_says_so_and_a_skipped_file_marks_the_digest_incomplete(haru: Haru,
                                                                           workspace: WorkspaceFactory) -> None:
    quiet = haru("--data", workspace({"referrals/2026-ueda-001.yaml": None,
                                      "meetings/2026/2026-11-10-ueda-regular.yaml": None,
                                      "contracts/ueda-referral.yaml": None}), *TODAY, "digest")
    assert quiet.exit_code == 0 and quiet.stdout.splitlines()[2:] == [text("digest.nothing", "ja")]
    broken = haru("--data", workspace({"payouts/2026/2026-08-31-ueda.yaml": "id: [\n"}), *TODAY, "digest")
    assert broken.exit_code == 1
    assert "payouts/2026/2026-08-31-ueda.yaml" in broken.stdout.splitlines()[-1]


def test_a_wrong_window_is_a_usage_error(haru: Haru, workspace: WorkspaceFactory) -> None:
    result = haru("--data", workspace(), *TODAY, "digest", "--within", "soon")
    assert result.exit_code == 2 and "soon" in result.stderr and "Traceback" not in result.stderr


def test_slack_gets_the_json_of_an_incoming_webhook_its_markup_escaped(
        haru: Haru, workspace: WorkspaceFactory, chat_server: ChatServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HARU_SLACK_WEBHOOK", f"{chat_server.url}/services/T0/B0/{SECRET}")
    result = haru("--data", workspace(WORKSPACE), *TODAY, "digest", "--post", "slack")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == DIGEST and result.stderr == text("digest.posted", "ja", service="Slack") + "\n"
    [sent] = chat_server.received
    assert (sent.method, sent.path) == ("POST", f"/services/T0/B0/{SECRET}")
    assert sent.headers["content-type"] == "application/json; charset=utf-8"
    posted = json.loads(sent.body)
    assert list(posted) == ["text"]
    assert posted["text"] == DIGEST.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert "<!channel>" not in posted["text"] and "&lt;!channel&gt;" in posted["text"]
    assert SECRET not in result.stdout + result.stderr


def test_chatwork_gets_a_form_with_the_token_header(haru: Haru, workspace: WorkspaceFactory, chat_server: ChatServer,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HARU_CHATWORK_API", f"{chat_server.url}/v2")
    monkeypatch.setenv("HARU_CHATWORK_TOKEN", SECRET)
    monkeypatch.setenv("HARU_CHATWORK_ROOM", "12345")
    result = haru("--data", workspace(WORKSPACE), *TODAY, "digest", "--post", "chatwork")
    assert result.exit_code == 0, result.stderr
    [sent] = chat_server.received
    assert (sent.method, sent.path) == ("POST", "/v2/rooms/12345/messages")
    assert sent.headers["x-chatworktoken"] == SECRET
    assert sent.headers["content-type"] == "application/x-www-form-urlencoded"
    form = urllib.parse.parse_qs(sent.body.decode("ascii"))
    assert list(form) == ["body"]
    assert form["body"] == [DIGEST.replace("[", "［").replace("]", "］")]  # [toall] would notify the room
    assert SECRET not in result.stdout + result.stderr


def test_an_http_error_exits_1_naming_its_status_and_never_the_secret(
        haru: Haru, workspace: WorkspaceFactory, chat_server: ChatServer, monkeypatch: pytest.MonkeyPatch) -> None:
    chat_server.status = 400
    monkeypatch.setenv("HARU_SLACK_WEBHOOK", f"{chat_server.url}/services/{SECRET}")
    result = haru("--data", workspace(WORKSPACE), *TODAY, "digest", "--post", "slack")
    assert result.exit_code == 1
    assert result.stderr == "haru: " + text("digest.http_status", "ja", service="Slack", status=400) + "\n"
    assert SECRET not in result.stdout + result.stderr and len(chat_server.received) == 1


def test_a_redirect_is_not_followed_with_the_token(haru: Haru, workspace: WorkspaceFactory, chat_server: ChatServer,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    chat_server.status, chat_server.location = 302, f"{chat_server.url}/elsewhere"
    monkeypatch.setenv("HARU_CHATWORK_API", chat_server.url)
    monkeypatch.setenv("HARU_CHATWORK_TOKEN", SECRET)
    monkeypatch.setenv("HARU_CHATWORK_ROOM", "1")
    result = haru("--data", workspace(WORKSPACE), *TODAY, "--lang", "en", "digest", "--post", "chatwork")
    assert result.exit_code == 1 and result.stderr == "haru: posting to Chatwork failed: HTTP 302\n"
    assert [r.path for r in chat_server.received] == ["/rooms/1/messages"]


def test_a_server_that_does_not_answer_in_time_is_given_up(haru: Haru, workspace: WorkspaceFactory,
                                                           chat_server: ChatServer,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    chat_server.delay = 4
    monkeypatch.setenv("HARU_SLACK_WEBHOOK", f"{chat_server.url}/services/{SECRET}")
    result = haru("--data", workspace(WORKSPACE), *TODAY, "--lang", "en", "digest", "--post", "slack", "--timeout", "1")
    assert result.exit_code == 1
    assert result.stderr == "haru: posting to Slack got no answer within 1 seconds\n"
    assert SECRET not in result.stderr


def test_a_missing_or_strange_setting_fails_before_anything_is_said(haru: Haru, workspace: WorkspaceFactory,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    root = workspace(WORKSPACE)
    missing = haru("--data", root, *TODAY, "digest", "--post", "chatwork")
    assert missing.exit_code == 2 and missing.stdout == ""
    assert missing.stderr == "haru: " + text("digest.no_secret", "ja", service="Chatwork",
                                             name="HARU_CHATWORK_TOKEN, HARU_CHATWORK_ROOM") + "\n"  # both, at once
    monkeypatch.setenv("HARU_SLACK_WEBHOOK", "file:///etc/passwd")
    local = haru("--data", root, *TODAY, "digest", "--post", "slack")
    assert local.exit_code == 2 and "/etc/passwd" not in local.stderr
    wrong = haru("--data", root, *TODAY, "digest", "--post", "teams")
    assert wrong.exit_code == 2


def test_a_closed_port_says_it_cannot_reach_the_service(haru: Haru, workspace: WorkspaceFactory,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    with socket.socket() as s:  # a port just freed: nothing listens there
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setenv("HARU_SLACK_WEBHOOK", f"http://127.0.0.1:{port}/services/{SECRET}")
    result = haru("--data", workspace(WORKSPACE), *TODAY, "--lang", "en", "digest", "--post", "slack")
    assert result.exit_code == 1 and result.stderr.startswith("haru: cannot reach Slack: ")
    assert SECRET not in result.stderr


def test_help(haru: Haru) -> None:
    result = haru("digest", "--help")
    assert result.exit_code == 0 and "HARU_SLACK_WEBHOOK" in result.stdout
