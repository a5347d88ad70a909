"""Posting a text to a chat room (SPEC §17): a Slack incoming webhook, or a Chatwork room through its API.

The secrets — the webhook's URL, Chatwork's token — come from the environment only, and no message says
them: an error names the service and the HTTP status, never the URL or a header. Two small POSTs: the
standard library's urllib, with a timeout."""

import json
import os
import urllib.error
import urllib.parse
import urllib.request

from haru_cli.cli.context import Failure
from haru_cli.i18n import Translator
from haru_cli.records.frozen import frozen

SLACK_WEBHOOK = "HARU_SLACK_WEBHOOK"
CHATWORK_TOKEN = "HARU_CHATWORK_TOKEN"
CHATWORK_ROOM = "HARU_CHATWORK_ROOM"
CHATWORK_API = "HARU_CHATWORK_API"  # a proxy, or a test's server, may stand in for the API
CHATWORK_DEFAULT = "https://api.chatwork.com/v2"


@frozen
class Post:
    """One request to make: where, its headers and its body."""

    url: str
    headers: dict[str, str]
    body: bytes


def slack_text(text: str) -> str:
    """Slack reads &, < and > as its markup (<!channel> notifies a whole channel, <url|text> is a link):
    written as the entities its formatting reference asks for, a record's text stays text."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def chatwork_text(text: str) -> str:
    """Chatwork reads [tags] as its message notation ([toall] notifies the whole room, [To:id] one member):
    a bracket written full width is shown alike and means nothing."""
    return text.replace("[", "［").replace("]", "］")


def slack_post(text: str, t: Translator) -> Post:
    (url,) = _secrets((SLACK_WEBHOOK,), "slack", t)
    _http_url(url, SLACK_WEBHOOK, t)
    return Post(url, {"Content-Type": "application/json; charset=utf-8"},
                json.dumps({"text": slack_text(text)}, ensure_ascii=False).encode("utf-8"))


def chatwork_post(text: str, t: Translator) -> Post:
    token, room = _secrets((CHATWORK_TOKEN, CHATWORK_ROOM), "chatwork", t)
    api = os.environ.get(CHATWORK_API) or CHATWORK_DEFAULT
    _http_url(api, CHATWORK_API, t)
    url = f"{api.rstrip('/')}/rooms/{urllib.parse.quote(room.strip(), safe='')}/messages"
    return Post(url, {"X-ChatWorkToken": token, "Content-Type": "application/x-www-form-urlencoded"},
                urllib.parse.urlencode({"body": chatwork_text(text)}).encode("ascii"))


def send(post: Post, service: str, timeout: float, t: Translator) -> int:
    """Make the POST; its HTTP status when 2xx, else a Failure naming the service and what went wrong."""
    name = t(f"digest.service.{service}")
    request = urllib.request.Request(post.url, data=post.body, headers=post.headers, method="POST")
    # No redirect is followed: a 3xx would carry the token on to wherever it points.
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request, timeout=timeout) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        raise Failure(t("digest.http_status", service=name, status=exc.code)) from None
    except TimeoutError:
        raise Failure(t("digest.timeout", service=name, seconds=f"{timeout:g}")) from None
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, TimeoutError):
            raise Failure(t("digest.timeout", service=name, seconds=f"{timeout:g}")) from None
        # The reason of an OSError is its errno's words; anything else may quote the URL: not said.
        reason = exc.reason.strerror if isinstance(exc.reason, OSError) and exc.reason.strerror else "?"
        raise Failure(t("digest.unreachable", service=name, reason=reason)) from None
    except OSError as exc:  # the connection dropped mid-answer
        raise Failure(t("digest.unreachable", service=name, reason=exc.strerror or type(exc).__name__)) from None


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def _secrets(names: tuple[str, ...], service: str, t: Translator) -> list[str]:
    """The settings a service needs, from the environment; every one missing named at once."""
    values = [os.environ.get(name, "").strip() for name in names]
    missing = [name for name, value in zip(names, values, strict=True) if not value]
    if missing:
        raise Failure(t("digest.no_secret", service=t(f"digest.service.{service}"), name=", ".join(missing)),
                      exit_code=2)
    return values


def _http_url(url: str, name: str, t: Translator) -> None:
    """Only http(s): urllib would open file:// or ftp:// as readily."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise Failure(t("digest.bad_url", name=name), exit_code=2)
