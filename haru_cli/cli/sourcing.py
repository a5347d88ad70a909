"""haru sourcing score | decide — a selection of a vendor (SPEC §10.2, §16): its candidates scored on each
criterion, then the decision and its reason.

The criteria are the selection's own (the strategy's four by default, or keys of its own), so `score` cannot
declare them as options: it takes `--<criterion> N` for each of them as they come (`--expertise 4`,
`--track_record 5` or `--track-record 5`, `--expertise=4`), and `--score CRITERION=N` as well (repeated),
where a criterion may also be given by its label (`--score 専門性=4`)."""

import unicodedata
from typing import Annotated

import typer

from haru_cli.cli.context import Run, open_run, parse_cli_date, resolve_named
from haru_cli.cli.output import DryRunOption
from haru_cli.records.models import Sourcing, Vendor

app = typer.Typer(no_args_is_help=True)
SourcingArgument = Annotated[str, typer.Argument(metavar="SOURCING")]
VendorArgument = Annotated[str, typer.Argument(metavar="VENDOR")]
MAX_YEN = 10**20 - 1  # the largest amount a record may hold (20 digits)


def _criterion(sourcing: Sourcing, name: str, lang: str) -> str:
    """The criterion a name means: its key (`-` and `_` alike), or its label in either language."""
    from haru_cli.i18n import text
    from haru_cli.records.labels import code_for

    keys = tuple(sourcing.criteria)
    for spelling in (name, name.replace("-", "_"), name.replace("_", "-")):
        if (key := code_for("criterion", keys, spelling)) is not None:
            return key
    raise typer.BadParameter(text("cli.sourcing.no_criterion", lang, name=name, criteria=", ".join(sourcing.criteria)))


def _level(value: str, option: str, lang: str) -> int:
    from haru_cli.i18n import text

    written = unicodedata.normalize("NFKC", value).strip()
    if written not in ("1", "2", "3", "4", "5"):
        raise typer.BadParameter(text("cli.sourcing.bad_score", lang, value=value), param_hint=option)
    return int(written)


def _split(words: list[str], lang: str) -> tuple[str, str, list[str]]:
    """SOURCING, VENDOR and the `--<criterion> N` options, wherever the criteria were given: Click, which
    does not know them, takes the first two words for SOURCING and VENDOR even when they are `--expertise 4`."""
    from haru_cli.i18n import text

    positional: list[str] = []
    options: list[str] = []
    rest = list(words)
    while rest:
        word = rest.pop(0)
        if word.startswith("--") and len(word) > 2:
            options.append(word)
            if "=" not in word and rest and not rest[0].startswith("--"):
                options.append(rest.pop(0))
        else:
            positional.append(word)
    if len(positional) < 2:
        raise typer.BadParameter(text("cli.usage.missing_argument", lang, name=["SOURCING", "VENDOR"][len(positional)]))
    if len(positional) > 2:
        raise typer.BadParameter(text("cli.usage.extra", lang, a0=" ".join(positional[2:])))
    return positional[0], positional[1], options


def _scores(sourcing: Sourcing, options: list[str], given: list[str], lang: str) -> dict[str, int]:
    """The scores the command line gives: `--<criterion> N` (or `--<criterion>=N`) among the options Click
    did not know, and each `--score CRITERION=N`; a criterion at most once."""
    from haru_cli.i18n import text

    pairs: list[tuple[str, str, str]] = []  # (criterion as written, value, the option to name in a message)
    rest = list(options)
    while rest:
        token = rest.pop(0)
        name, sep, value = token[2:].partition("=")
        if not sep:
            if not rest or rest[0].startswith("--"):
                raise typer.BadParameter(text("cli.usage.needs_value", lang, a0=f"--{name}"))
            value = rest.pop(0)
        pairs.append((name, value, f"--{name}"))
    for each in given:
        name, sep, value = each.partition("=")
        if not sep or not name.strip():
            raise typer.BadParameter(text("cli.sourcing.bad_pair", lang, value=each), param_hint="--score")
        pairs.append((name, value, "--score"))
    scores: dict[str, int] = {}
    for name, value, option in pairs:
        key = _criterion(sourcing, name, lang)
        if key in scores:
            raise typer.BadParameter(text("cli.sourcing.twice", lang, criterion=key), param_hint=option)
        scores[key] = _level(value, option, lang)
    if not scores:
        raise typer.BadParameter(text("cli.sourcing.no_scores", lang, criteria=", ".join(sourcing.criteria)))
    return scores


def _open(run: Run, sourcing_id: str, query: str) -> tuple[Sourcing, Vendor]:
    """The selection, still open (a decided or cancelled one keeps its record as it was decided), and the
    vendor a VENDOR query names."""
    from haru_cli.records.registry import SOURCING, VENDOR

    sourcing = run.record(SOURCING, sourcing_id)
    if sourcing.status != "open":
        decided = sourcing.decision
        run.fail("cli.sourcing.closed", id=sourcing.id, status=run.t.value("sourcing_status", sourcing.status),
                 vendor=decided.vendor if decided else "—", date=decided.date.isoformat() if decided else "—")
    return sourcing, resolve_named(run.ds, VENDOR, query, run.t)


@app.command("score", context_settings={"ignore_unknown_options": True, "allow_extra_args": True},
             options_metavar="[OPTIONS] [--CRITERION N]...")
def sourcing_score(
    ctx: typer.Context,
    sourcing_id: SourcingArgument,
    vendor: VendorArgument,
    score: Annotated[list[str] | None, typer.Option("--score", metavar="CRITERION=N")] = None,
    quote: Annotated[int | None, typer.Option("--quote", metavar="YEN", min=0, max=MAX_YEN)] = None,
    dry_run: DryRunOption = False,
) -> None:
    """Score a candidate 1-5 on criteria of the selection (those lines only); a vendor not yet a candidate
    becomes one, and a candidate not scored yet is scored, on every criterion."""
    from haru_cli.cli.changing import change_record
    from haru_cli.records.registry import SOURCING
    from haru_cli.write.patch import append, set_value

    run = open_run(ctx, quiet=True)
    sourcing_id, vendor, options = _split([sourcing_id, vendor, *ctx.args], run.lang)
    sourcing, found = _open(run, sourcing_id, vendor)
    scores = _scores(sourcing, options, score or [], run.lang)
    at = next((i for i, c in enumerate(sourcing.candidates) if c.vendor == found.id), None)
    before = sourcing.candidates[at].scores if at is not None else {}
    in_order = {key: scores[key] for key in sourcing.criteria if key in scores}  # as the criteria are listed
    missing = [key for key in sourcing.criteria if key not in {**before, **scores}]
    if missing:  # a scored candidate is scored on every criterion (SPEC §10.2): said before anything is written
        run.fail("cli.sourcing.new_candidate" if at is None else "cli.sourcing.unscored", vendor=found.id,
                 id=sourcing.id, missing=", ".join(missing))
    candidate: dict[str, object] = {"vendor": found.id, "scores": in_order}
    if quote is not None:
        candidate["quote"] = quote

    def edit(text: str) -> str:
        if at is None:
            return append(text, ("candidates",), candidate)
        if not before:  # listed, not scored yet: its scores as one mapping, in the criteria's order
            text = set_value(text, ("candidates", at, "scores"), in_order)
        else:
            for key, level in scores.items():
                text = set_value(text, ("candidates", at, "scores", key), level)
        return text if quote is None else set_value(text, ("candidates", at, "quote"), quote)

    change_record(run, run.ds.path_of(SOURCING, sourcing.id), edit, dry_run=dry_run)


@app.command("decide")
def sourcing_decide(
    ctx: typer.Context,
    sourcing_id: SourcingArgument,
    vendor: VendorArgument,
    day: Annotated[str, typer.Option("--date", metavar="YYYY-MM-DD")],
    reason: Annotated[str, typer.Option("--reason", metavar="TEXT")],
    dry_run: DryRunOption = False,
) -> None:
    """Decide a selection for one of its candidates: status decided, and the decision with its day and
    reason (those lines only)."""
    from haru_cli.cli.changing import change_record
    from haru_cli.records.registry import SOURCING
    from haru_cli.write.patch import set_value

    run = open_run(ctx, quiet=True)
    when = parse_cli_date(day, "--date", run.lang)
    sourcing, found = _open(run, sourcing_id, vendor)
    if found.id not in [c.vendor for c in sourcing.candidates]:
        run.fail("cli.sourcing.not_candidate", vendor=found.id, id=sourcing.id,
                 candidates=", ".join(c.vendor for c in sourcing.candidates) or run.t("cli.none"))
    if when < sourcing.opened:
        run.fail("cli.sourcing.before_opened", date=when.isoformat(), id=sourcing.id,
                 opened=sourcing.opened.isoformat())
    decision = {"vendor": found.id, "date": when.isoformat(), "reason": reason}
    change_record(run, run.ds.path_of(SOURCING, sourcing.id),
                  lambda text: set_value(set_value(text, ("status",), "decided"), ("decision",), decision),
                  dry_run=dry_run)
