"""The files `haru init` writes that do not depend on the language (those that do are the catalogue's
`file.*`): the pre-commit configuration and the CI workflow. `{command}` and `{source}` arrive quoted for
YAML (and the command for the shell) by the caller."""

from __future__ import annotations

GITIGNORE = """\
# haru's parse cache: rebuilt whenever a file changes, never worth committing.
.haru-cache/
"""

# git merges each record with haru's merge driver — once a clone defines it (`haru init --git-config`: git
# never shares .git/config). A clone that has not is merged as git always merges text.
GITATTRIBUTES = """\
# Records merge by their keys and entries with haru's merge driver: run `haru init --git-config` once in
# each clone. Without it, git merges these files as plain text (ordinary conflicts, never a wrong merge).
*.yaml merge=haru
"""

PRE_COMMIT = """\
# Refuses a commit whose staged records are broken, and a merge git completed without a conflict whose
# records are (haru must be on PATH). Install with: pre-commit install
default_install_hook_types: [pre-commit, pre-merge-commit]
repos:
  - repo: local
    hooks:
      - id: haru-validate
        name: haru validate
        entry: {command}
        language: system
        pass_filenames: false
        always_run: true
        stages: [pre-commit, pre-merge-commit]
"""

# The steps of both workflows: haru installed from HARU_SOURCE on Python 3.11, then the command run.
_STEPS = """\
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.11"
      - run: pip install "$HARU_SOURCE"
      - run: {command}
"""

WORKFLOW = """\
# Checks every push and pull request with `haru validate --strict`.
name: haru validate

env:
  HARU_SOURCE: {source}  # where haru is installed from

on: [push, pull_request]

jobs:
  validate:
    runs-on: ubuntu-latest
""" + _STEPS

# `haru init --digest slack|chatwork`: the digest posted every weekday morning (SPEC §17). Cron is UTC:
# 23:00 UTC from Sunday to Thursday is 8:00 in Japan from Monday to Friday, and TZ makes haru's today
# Japan's. The secrets are the repository's (Settings → Secrets and variables → Actions), never the file's.
DIGEST_WORKFLOW = """\
# Posts `haru digest` every weekday morning at 8:00 (Japan), and when run by hand.
name: haru digest

env:
  HARU_SOURCE: {source}  # where haru is installed from
  TZ: Asia/Tokyo

on:
  schedule:
    - cron: "0 23 * * 0-4"
  workflow_dispatch:

jobs:
  digest:
    runs-on: ubuntu-latest
""" + _STEPS + """\
        env:
{secrets}"""

# The environment variables each chat service reads, given from the repository's secrets of the same names.
DIGEST_SECRETS = {
    "slack": ("HARU_SLACK_WEBHOOK",),
    "chatwork": ("HARU_CHATWORK_TOKEN", "HARU_CHATWORK_ROOM"),
}


def digest_secrets(service: str) -> str:
    return "".join(f"          {name}: ${{{{ secrets.{name} }}}}\n" for name in DIGEST_SECRETS[service])
