"""The dashboard's pages as snapshot files (fava's tests/__snapshots__): `haru site` over the fixture
workspace tests/fixtures/site/ (a copy of data/ with a certificate and a partner file skipped for its
errors) writes, for one page of every kind, exactly the bytes in tests/site/__snapshots__/ — in Japanese,
in English and incognito. Regenerate with UPDATE_GOLDEN=1 after a change meant to show."""

from __future__ import annotations

import gc
import os
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from haru_cli.cli import app
from tests.helpers import TODAY

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "site"
SNAPSHOTS = Path(__file__).resolve().parent / "__snapshots__"

# One page of every kind (two contracts: a partner's referral contract with fees, a vendor's with
# deliverables); the name of its snapshot file, and the pattern of every page of the kind.
KINDS: dict[str, tuple[str, str]] = {
    "index": ("index.html", r"index\.html"),
    "problems": ("problems.html", r"problems\.html"),
    "upcoming": ("upcoming.html", r"upcoming\.html"),
    "partners": ("partners.html", r"partners\.html"),
    "partners_ueda": ("partners/ueda.html", r"partners/[a-z0-9-]+\.html"),
    "partners_kowareta_skipped": ("partners/kowareta.html", r"partners/kowareta\.html"),
    "contracts": ("contracts.html", r"contracts\.html"),
    "contracts_ueda-referral": ("contracts/ueda-referral.html", r"contracts/[a-z0-9-]+\.html"),
    "contracts_studio-mirai-video-2026": ("contracts/studio-mirai-video-2026.html", r"contracts/[a-z0-9-]+\.html"),
    "students_2026-satou-hanako": ("students/2026-satou-hanako.html", r"students/[a-z0-9-]+\.html"),
    "courses_ai-practice-2026-autumn": ("courses/ai-practice-2026-autumn.html", r"courses/[a-z0-9-]+\.html"),
    "certificates_haru-2026-0001": ("certificates/haru-2026-0001.html", r"certificates/[a-z0-9-]+\.html"),
    "meetings_2026-10-21-knowledge-share": ("meetings/2026-10-21-knowledge-share.html", r"meetings/[a-z0-9-]+\.html"),
    "opportunities_ueda-case-study": ("opportunities/ueda-case-study.html", r"opportunities/[a-z0-9-]+\.html"),
    "sourcing_2026-video-production": ("sourcing/2026-video-production.html", r"sourcing/[a-z0-9-]+\.html"),
    "school": ("school.html", r"school\.html"),
    "pipeline": ("pipeline.html", r"pipeline\.html"),
    "projects_ucworld-marketing-tool": ("projects/ucworld-marketing-tool.html", r"projects/[a-z0-9-]+\.html"),
    "vendors": ("vendors.html", r"vendors\.html"),
    "vendors_studio-mirai": ("vendors/studio-mirai.html", r"vendors/[a-z0-9-]+\.html"),
    "fees_index": ("fees/index.html", r"fees/index\.html"),
    "fees_fy2026": ("fees/fy2026.html", r"fees/fy[0-9]{4}\.html"),
    "fees_2026-10": ("fees/2026-10.html", r"fees/[0-9]{4}-[0-9]{2}\.html"),
    "fees_2026-10_ueda": ("fees/2026-10/ueda.html", r"fees/[0-9]{4}-[0-9]{2}/[a-z0-9-]+\.html"),
    "time_index": ("time/index.html", r"time/index\.html"),
    "time_fy2026": ("time/fy2026.html", r"time/fy[0-9]{4}\.html"),
    "time_2026-11": ("time/2026-11.html", r"time/[0-9]{4}-[0-9]{2}\.html"),
}
MODES: dict[str, list[str]] = {"ja": [], "en": ["--lang", "en"], "incognito": ["--incognito"]}


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The site of the fixture workspace, written once per mode by `haru site` (a copy of the fixture, so
    that nothing is written into tests/)."""
    base = tmp_path_factory.mktemp("snapshots")
    root = shutil.copytree(FIXTURE, base / "ws")
    runner = CliRunner()
    built = {}
    with pytest.MonkeyPatch.context() as env:
        for name in ("HARU_DATA", "HARU_TODAY", "COLUMNS"):
            env.delenv(name, raising=False)
        env.setenv("XDG_CACHE_HOME", str(base / "user-cache"))
        for mode, flags in MODES.items():
            lang = flags if mode == "en" else []
            site = flags if mode == "incognito" else []
            out = base / f"site-{mode}"
            result = runner.invoke(app, ["--data", str(root), *TODAY, "--no-cache", *lang, "site", "--out",
                                         str(out), *site])
            # written whole, and exit 1: a file of the fixture is skipped, so figures may be incomplete (SPEC §15)
            assert result.exit_code == 1 and "kowareta" in result.stderr, result.output
            assert (out / "index.html").is_file()
            built[mode] = out
    gc.unfreeze()
    return built


def test_the_fixture_has_a_page_of_every_kind_and_every_page_has_a_kind(sites: dict[str, Path]) -> None:
    pages = sorted(p.relative_to(sites["ja"]).as_posix() for p in sites["ja"].rglob("*.html"))
    for name, (path, _) in KINDS.items():
        assert path in pages, name
    patterns = {pattern for _, pattern in KINDS.values()}
    assert [p for p in pages if not any(re.fullmatch(pattern, p) for pattern in patterns)] == []


@pytest.mark.parametrize("mode", list(MODES))
@pytest.mark.parametrize("kind", list(KINDS))
def test_every_page_kind_matches_its_snapshot(sites: dict[str, Path], kind: str, mode: str) -> None:
    page = (sites[mode] / KINDS[kind][0]).read_bytes()
    snapshot = SNAPSHOTS / f"{kind}.{mode}.html"
    if os.environ.get("UPDATE_GOLDEN"):
        snapshot.parent.mkdir(exist_ok=True)
        snapshot.write_bytes(page)
    assert page == snapshot.read_bytes()
