"""Workspaces that the commands' tests in several files start from."""

from __future__ import annotations

import pytest

from tests.helpers import WorkspaceFactory


@pytest.fixture
def contracts(workspace: WorkspaceFactory) -> str:
    return str(workspace({
        "partners/spcom.yaml": "id: spcom\nname: 株式会社S.P.COM\nkana: エスピーコム\n",
        "contracts/spcom-consulting.yaml": """\
            id: spcom-consulting
            partner: spcom
            type: consulting
            title: 業務効率化支援
            start: 2026-01-01
            end: 2026-06-30
            auto_renew: true
            term: 6m
            notice: 1m
            value: {amount: 200000, per: month}
            """,
        "contracts/ueda-old.yaml": """\
            id: ueda-old
            partner: ueda
            type: consulting
            start: 2025-11-01
            end: 2026-10-31
            """,
    }))


@pytest.fixture
def two_partners(workspace: WorkspaceFactory) -> str:
    return str(workspace({
        "partners/spcom.yaml": "id: spcom\nname: 株式会社S.P.COM\nkana: エスピーコム\nstatus: paused\n",
        "partners/andath.yaml": "id: andath\nname: 株式会社&ath\nkana: アンドアス\ncadence: monthly\n"
                                "since: 2026-09-01\ncontacts:\n  - name: 三保\n",
    }))
