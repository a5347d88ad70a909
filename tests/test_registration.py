"""A record type registers itself (issue 25): a type defined here, outside haru — its model, one registry
entry, its catalogue texts, its rules module and its page's route — is validated, checked, searched, listed
in `upcoming`, given a page and cached like haru's own, without a change anywhere else; and once taken
away, nothing of it remains."""

from __future__ import annotations

import json
import os
import re
import types
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pytest

from haru_cli import i18n
from haru_cli.records import registry
from haru_cli.records.dataset import Dataset
from haru_cli.records.models import CONFIG, Name
from haru_cli.records.problems import Finding, warn
from haru_cli.records.registry import RecordType, Ref
from haru_cli.records.values import Day, Slug
from haru_cli.rules import registered
from haru_cli.rules.dated import Item, Window, uid
from haru_cli.site import routes
from haru_cli.views import pages
from haru_cli.views.shapes import Day as DayCell
from haru_cli.views.shapes import Document, Link, Section
from tests.helpers import TODAY, Haru, WorkspaceFactory, load_workspace


@dataclass(frozen=True, kw_only=True)
class Widget:
    """A widget made for a partner: widgets/<id>.yaml (a model declared as records/models.py declares its own)."""

    __pydantic_config__ = CONFIG

    id: Slug
    name: Name
    partner: Slug
    due: Day
    made: Day | None = None


WIDGET: RecordType[Widget] = RecordType("widget", "Widget", "widgets", refs=(Ref("partner", "partner"),),
                                        module=__name__)


def check_widgets(ds: Dataset) -> Iterator[Finding]:
    """A widget is due after it was made."""
    for w in ds.of(WIDGET).values():
        if w.made is not None and w.due < w.made:
            yield warn(WIDGET, w.id, ("due",), "widget-order", due=w.due.isoformat(), made=w.made.isoformat())


def dated_widgets(ds: Dataset, when: Window) -> Iterator[Item]:
    for w in ds.of(WIDGET).values():
        if w.due <= when.until:
            yield Item(w.due, "widget_due", w.partner, w.name, w.id, w.due < when.today, (WIDGET.name, w.id),
                       uid("widget_due", w.id))


RULES = types.ModuleType("widget_rules", "The rules of widgets.")
RULES.CHECKS = [check_widgets]  # type: ignore[attr-defined]
RULES.DATED_KINDS = ("widget_due",)  # type: ignore[attr-defined]
RULES.dated_items = dated_widgets  # type: ignore[attr-defined]

def widget_page(d: pages.Dashboard, widget_id: str) -> Document | None:
    """A widget's page: its due date, and the partner it is made for."""
    w = d.ds.of(WIDGET).get(widget_id)
    if w is None:
        return None
    return Document(w.name, [Section(d.t("record.widget"), fields=[(d.t("due"), DayCell(w.due)),
                                                                   (d.t("partner"), w.partner)],
                                     field_links=[None, Link("partner", w.partner)])])


ROUTE = routes.Route("widget", "widgets/{}.html", widget_page, "home", lambda d: pages.ids(d, "widget"),
                     record="widget")

TEXTS = {
    "record.widget": ("ウィジェット", "widget"),
    "problem.widget-order": ("期限 {due} が製作日 {made} より前です", "due {due} is before it was made ({made})"),
    "value.item_kind.widget_due": ("ウィジェット期限", "Widget due"),
}

FILES: dict[str, str | bytes | None] = {
    "widgets/gear.yaml": "id: gear\nname: 歯車ウィジェット\npartner: ueda\ndue: 2026-12-03\n",
    "widgets/cog.yaml": "id: cog\nname: Cog\npartner: ueda\ndue: 2026-11-20\nmade: 2026-11-25\n",
    "widgets/sprocket.yaml": "id: sprocket\nname: Sprocket\npartner: ueda\ndue: someday\n",  # not a date
}


@contextmanager
def widgets_registered() -> Iterator[None]:
    registry.register(WIDGET)
    registered.register(RULES)
    i18n.add_texts(TEXTS)
    routes.register(ROUTE)
    try:
        yield
    finally:
        routes.unregister(ROUTE)
        i18n.remove_texts(TEXTS)
        registered.unregister(RULES)
        registry.unregister(WIDGET)


@pytest.fixture
def widgets() -> Iterator[None]:
    """Widgets registered for the test, and taken away after it: no other test ever sees them."""
    with widgets_registered():
        yield
    assert "widget" not in registry.BY_NAME and RULES not in registered.modules() and not i18n.has("record.widget")
    assert all(r.name != "widget" for r in routes.ROUTES)


def test_a_registered_type_is_validated_and_checked(widgets: None, workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace(FILES)
    result = haru("--data", root, "--lang", "en", "validate")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    sprocket = next(line for line in lines if "sprocket.yaml" in line)
    assert sprocket.startswith(f"{os.path.relpath(root / 'widgets/sprocket.yaml')}:4:6: error[")  # `due`'s value
    assert f"{os.path.relpath(root / 'widgets/cog.yaml')}:4:6: warning[widget-order] due 2026-11-20 is before " \
           "it was made (2026-11-25)" in lines
    assert not any("gear.yaml" in line for line in lines)


def test_a_registered_type_is_searched_and_listed_in_upcoming(widgets: None, workspace: WorkspaceFactory,
                                                              haru: Haru) -> None:
    root = workspace(FILES)
    found = haru("--data", root, "search", "歯車")
    assert found.exit_code == 0 and found.stdout.strip().endswith("widgets/gear.yaml:2: name: 歯車ウィジェット")
    data = json.loads(haru("--data", root, *TODAY, "upcoming", "--within", "14d", "--format", "json").stdout)
    due = [(i["date"], i["ref"], i["overdue"], i["subject"]) for i in data["items"] if i["kind"] == "widget_due"]
    assert due == [("2026-11-20", "cog", True, "Cog"), ("2026-12-03", "gear", False, "歯車ウィジェット")]
    table = haru("--data", root, *TODAY, "--lang", "en", "upcoming", "--within", "14d").stdout
    assert "Widget due" in table and "Cog" in table
    ics = haru("--data", root, *TODAY, "upcoming", "--within", "14d", "--format", "ics").stdout
    assert "UID:widget_due/gear" in ics.replace("\r\n ", "")
    schemas = json.loads(haru("schema").stdout)
    assert "widget" in schemas and "due" in schemas["widget"]["properties"]


def test_a_registered_type_is_given_a_page(widgets: None, workspace: WorkspaceFactory, haru: Haru) -> None:
    root = workspace(FILES)
    out = root.parent / "site"
    built = haru("--data", root, *TODAY, "site", "--out", out)
    assert built.exit_code == 1 and "sprocket" in built.stderr  # written, and its figures may be incomplete
    gear = (out / "widgets/gear.html").read_text(encoding="utf-8")
    assert "<h1>歯車ウィジェット</h1>" in gear and '<a href="../partners/ueda.html">ueda</a>' in gear
    assert 'href="../index.html" aria-current="page"' in gear  # under its section of the navigation
    sprocket = (out / "widgets/sprocket.html").read_text(encoding="utf-8")  # its errors, instead of no page
    assert "widgets/sprocket.yaml" in sprocket and "<h1>Sprocket</h1>" in sprocket
    home = (out / "index.html").read_text(encoding="utf-8")
    assert 'class="banner"' in home  # sprocket was skipped: every page says its figures may lack it
    # upcoming: the item to its page, its partner's name to theirs
    assert '<a href="widgets/cog.html">2026-11-20' in home
    assert '<td><a href="partners/ueda.html">株式会社ウエダ</a></td><td>Cog</td>' in re.sub(r' class="[^"]*"', "", home)


def test_the_parse_cache_never_hands_back_a_dataset_of_other_types(workspace: WorkspaceFactory) -> None:
    root = workspace()  # no widgets: the same files whether widgets are registered or not
    old = 1_600_000_000
    for file in root.rglob("*"):
        os.utime(file, (old, old))  # not changed within the last seconds: the load is cached
    with widgets_registered():
        assert load_workspace(root, cache=True).of(WIDGET) == {}
        assert (root / ".haru-cache" / "dataset.pickle").is_file()
        assert load_workspace(root, cache=True).of(WIDGET) == {}  # from the cache
    assert "widget" not in load_workspace(root, cache=True).tables  # not the dataset read with widgets
    with widgets_registered():
        assert load_workspace(root, cache=True).of(WIDGET) == {}  # nor the one read without them
    registered.register(RULES)  # the same types, other checks: they run (and, without widgets, fail alone)
    try:
        assert [p.params["check"] for p in load_workspace(root, cache=True).problems] == ["check_widgets"]
    finally:
        registered.unregister(RULES)


def test_a_name_folder_kind_or_text_given_twice_is_refused(widgets: None) -> None:
    with pytest.raises(ValueError):
        registry.register(RecordType("widget", "Widget", "gadgets", module=__name__))
    with pytest.raises(ValueError):
        registry.register(RecordType("gadget", "Widget", "partners", module=__name__))
    with pytest.raises(ValueError):
        registered.register(types.SimpleNamespace(DATED_KINDS=("payout",), dated_items=dated_widgets))
    with pytest.raises(KeyError):
        i18n.add_texts({"record.partner": ("x", "x")})
    with pytest.raises(ValueError):
        routes.register(ROUTE)
    assert registered.kinds()[-1] == "widget_due" and registered.kinds()[:2] == ("notice_deadline", "term_end")
