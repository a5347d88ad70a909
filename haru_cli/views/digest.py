"""The digest of `haru digest` (SPEC §17): a few lines for a chat room — what is overdue, what comes in the
next days, the renew-or-cancel decisions due and the referral fees unpaid — in plain text.

It says what `upcoming`, `renewals` and `fees unpaid` find (the caller hands their rules' results over) in
`upcoming`'s own words (views.schedule.item_line), so that the chat and the terminal never disagree."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from haru_cli.escape import visible
from haru_cli.views.names import owner_name
from haru_cli.views.schedule import item_line

if TYPE_CHECKING:
    from haru_cli.i18n import Translator
    from haru_cli.records.dataset import Dataset
    from haru_cli.rules.dated import Item
    from haru_cli.rules.fees import Statement
    from haru_cli.rules.schedule import Renewal

# Items a section of their own says: a contract's notice deadline and term end are its renewal decision, and
# a payout whose pay date has come is a statement paid or unpaid (Statement.unpaid decides which).
DECIDED = ("notice_deadline", "term_end")
LINES_PER_SECTION = 10  # a chat message stays short: the rest is "and N more"


def digest_text(ds: Dataset, items: Sequence[Item], renewals: Sequence[Renewal], unpaid: Sequence[Statement],
                today: date, until: date, t: Translator, incomplete: Sequence[str] = (),
                decide_by: date | None = None) -> str:
    """The digest as lines of text, each record's text on one line with invisible characters escaped;
    `decide_by`: how far ahead the renewals reach (the items' `until` unless given)."""
    listed = [i for i in items if i.kind not in DECIDED and not (i.kind == "payout" and i.date <= today)]
    overdue = [_item(ds, i, t) for i in listed if i.overdue]
    ahead = [_item(ds, i, t) for i in listed if not i.overdue]
    decisions = [_renewal(ds, r, today, t) for r in renewals]
    owed = [t("digest.unpaid_line", name=one_line(s.partner.name), month=f"{s.month:%Y-%m}", amount=t.yen(s.payable),
              day=s.pay_on.isoformat()) for s in unpaid]
    lines = [t("digest.title", today=today.isoformat(), until=until.isoformat())]
    sections = [(t("digest.overdue", n=len(overdue)), overdue),
                (t("digest.ahead", days=(until - today).days, n=len(ahead)), ahead),
                (t("digest.decisions", n=len(decisions), until=(decide_by or until).isoformat()), decisions),
                (t("digest.unpaid", n=len(owed), total=t.yen(sum(s.payable for s in unpaid))), owed)]
    for heading, found in sections:
        if found:
            lines += ["", heading, *(f"・{line}" for line in found[:LINES_PER_SECTION])]
            if len(found) > LINES_PER_SECTION:
                lines.append(t("digest.more", n=len(found) - LINES_PER_SECTION))
    if not any(found for _, found in sections):
        lines += ["", t("digest.nothing")]
    if incomplete:
        lines += ["", t("digest.incomplete", paths=", ".join(incomplete))]
    return "\n".join(lines) + "\n"


def one_line(value: str) -> str:
    return visible(value, one_line=True)


def _item(ds: Dataset, item: Item, t: Translator) -> str:
    line = item_line(ds, item, t)
    words = [item.date.isoformat(), t.value("item_kind", item.kind), line.name,
             "" if item.kind == "regular_meeting" else line.subject, f"({line.mark})" if line.mark else ""]
    return one_line(" ".join(w for w in words if w))


def _renewal(ds: Dataset, r: Renewal, today: date, t: Translator) -> str:
    c = r.contract
    name = owner_name(ds, c) or c.id
    key = "digest.renewal_expired" if r.expired else (
        "digest.renewal_passed" if r.notice_passed(today) else "digest.renewal_line")
    return one_line(t(key, name=name, title=c.title or c.id, deadline=r.notice_deadline.isoformat(),
                      end=r.term_end.isoformat()))
