"""Workspaces that the rules' tests in several files start from."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import SCENARIO, WorkspaceFactory, load_workspace


@pytest.fixture
def scenario(workspace: WorkspaceFactory) -> Path:
    root = workspace(SCENARIO)
    assert load_workspace(root).problems == []
    return root
