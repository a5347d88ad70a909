"""Help and usage errors in the user's language (Japanese by default, English with --lang en or a
workspace whose locale is en): the catalogue's help texts put on each command and option as it is built,
Click's own words (Usage, Options, [required], Missing option, No such option …) said in that language,
and global options accepted after the command too (`haru partner show ueda --lang en`)."""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path
from typing import Any

from typer import BadParameter, Context
from typer.core import TyperCommand, TyperGroup

from haru_cli.cli.choices import Labelled, labelled_choice
from haru_cli.cli.vendored import HelpFormatter, MissingParameter, NoSuchOption, UsageError
from haru_cli.i18n import has, text

# Global options and whether each takes a value: accepted anywhere before `--`, moved to the front.
GLOBAL_OPTIONS = {"--data": True, "--today": True, "--lang": True, "--no-cache": False, "--version": False}


def global_options_first(args: list[str], commands: set[str]) -> list[str]:
    """The arguments with the global options given after the command moved before it, so that
    `haru partner show ueda --lang en` means `haru --lang en partner show ueda`."""
    front: list[str] = []
    rest: list[str] = []
    seen_command = False
    n = 0
    while n < len(args):
        arg = args[n]
        if arg == "--":
            rest += args[n:]
            break
        name = arg.split("=", 1)[0]
        if seen_command and name in GLOBAL_OPTIONS:
            takes_value = GLOBAL_OPTIONS[name] and "=" not in arg
            front += args[n:n + 2] if takes_value else [arg]
            n += 2 if takes_value else 1
            continue
        if not seen_command and arg in commands:
            seen_command = True
        elif not seen_command and name in GLOBAL_OPTIONS and GLOBAL_OPTIONS[name] and "=" not in arg:
            rest += args[n:n + 2]
            n += 2
            continue
        rest.append(arg)
        n += 1
    return front + rest


_LOCALE = re.compile(r"""^locale:[ \t]*["']?(ja|en)["']?[ \t]*(#.*)?$""", re.MULTILINE)


def _option_value(args: list[str], option: str) -> str | None:
    """The value of a global option, `--data DIR` or `--data=DIR`, among the arguments before `--`."""
    for n, arg in enumerate(args):
        if arg == "--":
            break
        if arg == option and n + 1 < len(args):
            return args[n + 1]
        if arg.startswith(option + "="):
            return arg.split("=", 1)[1]
    return None


def language_of(args: list[str], cwd: Path) -> str:
    """The language of help and usage errors, before any workspace is loaded: --lang, else the locale of
    the workspace the command would use (read from its haru.yaml's `locale:` line), else Japanese."""
    lang = _option_value(args, "--lang")
    if lang is not None:
        return "en" if lang == "en" else "ja"
    from haru_cli.files import NotRegular, TooLarge, read_regular
    from haru_cli.load.workspace import WorkspaceNotFound, find_workspace

    data = _option_value(args, "--data") or os.environ.get("HARU_DATA")
    try:
        root = find_workspace(Path(data) if data else None, cwd)
        found = _LOCALE.search(read_regular(root / "haru.yaml", 64 * 1024).decode("utf-8", "replace"))
    except (WorkspaceNotFound, OSError, ValueError, NotRegular, TooLarge):
        return "ja"
    return found.group(1) if found else "ja"


# --- help -------------------------------------------------------------------------------------------


def localize(command: TyperCommand | TyperGroup, lang: str, path: list[str]) -> None:
    """Put the catalogue's help texts (`help.<command path>`, `help.<command path>.<option>`) on a built
    command, its options and its subcommands, and Click's words in that language on its help page: what each
    option takes (its metavar), the usage line's words, a short help that is the first sentence whole."""
    key = "help." + ".".join(path or ["haru"])
    if has(key):
        command.help = text(key, lang)
        command.short_help = first_sentence(command.help)
    declared = vars(command).setdefault("_haru_options_metavar", command.options_metavar)  # [OPTIONS], or its own
    command.options_metavar = re.sub(r"\[OPTIONS\]|\b[A-Z]{2,}\b", lambda m: _word(m.group(), lang), declared or "")
    if isinstance(command, TyperGroup):
        command.subcommand_metavar = text("metavar.word.command", lang)
    for param in command.params:
        if (labelled := labelled_choice(param.type)) is not None:  # a record's fixed list takes its labels too
            param.type = labelled
        name = param.name or ""
        for candidate in (f"{key}.{name}", f"help.option.{name}"):
            if has(candidate):
                param.help = text(candidate, lang)  # type: ignore[attr-defined]
                break
        if isinstance(param.type, Labelled):  # each code, with its label where it says more (not Active for active)
            values = ", ".join(code if label.casefold() == code else f"{code}={label}"
                               for code, label in param.type.labels(lang))
            param.help = f"{getattr(param, 'help', '') or ''} ({values})".strip()  # type: ignore[attr-defined]
        param.metavar = _metavar(param, path, lang)
    command.context_class = _context_class(lang)
    if hasattr(command, "commands"):
        for name, sub in getattr(command, "commands", {}).items():
            localize(sub, lang, [*path, name])


def first_sentence(help_text: str) -> str:
    """A command's short help in its group's list: the first sentence of its help, whole — not Click's cut,
    which ends at the first word ending in a dot (`haru.` of haru.yaml) or at 45 characters. A sentence ends
    at 。 or at a dot before a space, outside parentheses and 「」."""
    first = " ".join(help_text.split("\n\n", 1)[0].split())
    depth = 0
    for n, char in enumerate(first):
        if char in "(（「":
            depth += 1
        elif char in ")）」":
            depth = max(depth - 1, 0)
        elif depth == 0 and (char == "。" or char == "." and (n + 1 == len(first) or first[n + 1] == " ")):
            return first[:n + 1]
    return first


def _word(word: str, lang: str) -> str:
    """[OPTIONS] or a word of a command's own usage ([--CRITERION N]...) in the language, where it has one."""
    key = "metavar.word.options" if word == "[OPTIONS]" else f"metavar.declared.{word}"
    return text(key, lang) if has(key) else word


def _metavar(param: Any, path: list[str], lang: str) -> str | None:
    """What the help page shows an option or argument takes, in the language (i18n/metavars.py): the
    catalogue's for this command's parameter; else the metavar the command declared, said in the language
    (QUERY: パートナー) or, if code (YYYY-MM-DD), as it is; else, with none declared (or ID), the catalogue's
    for the parameter's name; else a word for its type. A list of codes is shown as the codes."""
    declared: str | None = vars(param).setdefault("_haru_metavar", param.metavar)  # as the command declared it
    if declared is None and (isinstance(param.type, Labelled) or hasattr(param.type, "choices")):
        return None
    base, many = (declared[:-3], "...") if declared is not None and declared.endswith("...") else (declared, "")
    keys = [f"metavar.{'.'.join(path)}.{param.name}"]
    keys.append(f"metavar.{param.name}" if base in (None, "ID") else f"metavar.declared.{base}")
    for key in keys:
        if has(key):
            return text(key, lang) + many
    if declared is not None:
        return declared
    kind = {"int": "integer", "int range": "integer", "float": "number", "float range": "number",
            "path": "path", "file": "file", "directory": "directory"}.get(param.type.name, "text")
    return text(f"metavar.type.{kind}", lang)


_WORDS = {"Options": "help.word.options", "Arguments": "help.word.arguments", "Commands": "help.word.commands"}


@functools.cache
def _context_class(lang: str) -> type[Context]:
    """A Context whose help formatter says Click's words in `lang`."""

    class Formatter(HelpFormatter):
        def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
            super().write_usage(prog, args, text("help.word.usage", lang) + " ")

        def section(self, name: str) -> Any:
            return super().section(text(_WORDS[name], lang) if name in _WORDS else name)

        def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
            """Click's definition list, its first column aligned by the width a terminal gives each character
            (a Japanese metavar, `--minutes 時間`, is twice as wide as it is long)."""
            from haru_cli.render.layout import width_of

            rows = [(first, _click_words(second, lang)) for first, second in rows]
            first_col = min(max((width_of(first) for first, _ in rows), default=0), col_max) + col_spacing
            for first, second in rows:
                self.write(f"{'':>{self.current_indent}}{first}")
                if not second:
                    self.write("\n")
                    continue
                if width_of(first) <= first_col - col_spacing:
                    self.write(" " * (first_col - width_of(first)))
                else:
                    self.write("\n" + " " * (first_col + self.current_indent))
                lines = _wrapped(second, max(self.width - first_col - 2, 10))
                self.write("".join(f"{'':>{(first_col + self.current_indent) * (n > 0)}}{line}\n"
                                   for n, line in enumerate(lines or [""])))

        def write_text(self, text: str) -> None:
            """A command's help, its Japanese wrapped beside wide characters and by their width."""
            indent = " " * self.current_indent
            paragraphs = [_wrapped(paragraph, max(self.width - self.current_indent, 11))
                          for paragraph in text.split("\n\n")]
            self.write("\n\n".join("\n".join(indent + line for line in lines) for lines in paragraphs) + "\n")

    class Localized(Context):
        formatter_class = Formatter

    return Localized


_BRACKET = re.compile(r"^(?P<help>.*?)\s*\[(?P<extra>[^\[\]]*)\]$", re.DOTALL)
_RANGE = re.compile(r"^(?:(?P<low>-?[0-9.]+)(?P<lop><=?))?x(?:(?P<hop><=?|>=?)(?P<high>-?[0-9.]+))?$")
BOUNDLESS = 10**15  # an upper bound no one needs told (money's twenty digits): `1 以上`, not `1〜99999999999999999999`


def _wrapped(text: str, width: int) -> list[str]:
    """A paragraph of help in lines of at most `width` columns. Click wraps by characters, at spaces only,
    and breaks a longer run wherever it ends — inside `status` of a Japanese sentence, twice as wide as it
    counted. Japanese is measured as a terminal shows it and breaks beside its own characters, by 禁則: an
    opening mark stays with what follows it, a closing one (、。）) with what it closes, and a word of Latin
    letters — a path with Japanese in it too (certificates/<年>/haru-<年>.yaml) — is never broken."""
    from haru_cli.cli.vendored import wrap_text
    from haru_cli.render.layout import width_of

    if text.isascii():
        return wrap_text(text, width, preserve_paragraphs=True).splitlines()
    whole, pieces = _patterns()
    held = whole.findall(text)  # each held as a run of private-use characters of its width while wrapping
    text = whole.sub(lambda m: chr(0xE000 + held.index(m.group())) * width_of(m.group()), text)

    def restore(wrapped: str) -> str:
        return re.sub("[\ue000-\uf8ff]+", lambda m: held[ord(m.group()[0]) - 0xE000], wrapped)

    lines: list[str] = []
    line, used = "", 0
    for piece in pieces.findall(re.sub(r"[ \t]*\n[ \t]*", " ", text.strip())):
        size = width_of(piece)
        if piece[0] == " " and (not line or used + size > width):  # a break: the spaces are not shown
            if line:
                lines.append(line)
            line, used = "", 0
            continue
        if used + size > width and line.strip():
            lines.append(line.rstrip())
            line, used = "", 0
        if size > width:  # wider than a line: broken between characters, as nothing may be lost
            for character in restore(piece):
                if used + width_of(character) > width and line:
                    lines.append(line)
                    line, used = "", 0
                line, used = line + character, used + width_of(character)
            continue
        line, used = line + piece, used + size
    lines.append(line.rstrip())
    return [restore(line) for line in lines]


_OPENING, _CLOSING = "（［｛「『〔〈《【", "、。，．・：；？！）］｝」』〕〉》】ー"


@functools.cache  # compiled when help is first wrapped, not by every command
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What help text keeps whole — a path with Japanese in it, and a value with its label
    (feedback=顧客フィードバック) — and what a line breaks between: a space, or a word of Latin letters or
    one wide character, with the opening marks before it and the closing marks after it."""
    return (re.compile(r"[A-Za-z0-9_.\-/*$]*(?:<[^<>\s]{1,12}>[A-Za-z0-9_.\-/*$]*)+|\b[a-z_]+=[^,\s()]+"),
            re.compile(f" +|[{_OPENING}]*(?:[!-~\ue000-\uf8ff]+|[^!-~ ])[{_CLOSING}]*"))


def _click_words(help_text: str, lang: str) -> str:
    """The bracket Click puts after an option's help — [env var: …; default: …; 1<=x<=99; required] — and the
    help option's own line, in the language of the page."""
    help_text = help_text.replace("Show this message and exit.", text("help.option.help", lang))
    found = _BRACKET.match(help_text)
    if found is None:
        return help_text
    said = [_extra_word(piece, lang) for piece in found["extra"].split("; ")]
    if any(word is None for word in said):  # not Click's bracket: the help's own text
        return help_text
    extra = "[" + text("metavar.word.separator", lang).join(filter(None, said)) + "]"
    return f"{found['help']}  {extra}" if found["help"] else extra


def _extra_word(piece: str, lang: str) -> str | None:
    """One of Click's words in the bracket in the language; None for what is none of them."""
    if piece == "required":
        return text("metavar.word.required", lang)
    if piece.startswith("env var: "):
        return text("metavar.word.env_var", lang, var=piece.removeprefix("env var: "))
    if piece.startswith("default: "):
        return text("metavar.word.default", lang, value=piece.removeprefix("default: "))
    return range_words(piece, lang)


def range_words(described: str, lang: str) -> str | None:
    """Click's range (`1<=x<=99`, `x>=0`, `0<x`) in the language: `1〜99`, `0 以上` …; None if it is none."""
    found = _RANGE.match(described)
    if found is None or not (found["low"] or found["high"]):
        return None
    low, high = found["low"], found["high"]
    if found["hop"] in (">", ">="):  # x>=low: Click writes a range with no maximum so
        low, high, lop = high, None, "<=" if found["hop"] == ">=" else "<"
    else:
        lop = found["lop"]
    if high is not None and float(high) >= BOUNDLESS:
        high = None
    if low is not None and high is not None:
        both = lop == "<=" and found["hop"] == "<="
        return text("metavar.word.between", lang, low=low, high=high) if both else None  # none in haru
    if low is not None:
        return text("metavar.word.at_least" if lop == "<=" else "metavar.word.above", lang, low=low)
    return text("metavar.word.at_most" if found["hop"] == "<=" else "metavar.word.below", lang, high=high)


# --- usage errors ------------------------------------------------------------------------------------

_INVALID_CHOICE = re.compile(r"^(.*) is not one of (.*)\.$")
_NOT_INT = re.compile(r"^(.*) is not a valid (?:integer|int|int range)\.?$")
_NOT_NUMBER = re.compile(r"^(.*) is not a valid (?:float|float range)\.?$")
_NOT_BOOL = re.compile(r"^(.*) is not a valid boolean\. Recognized values: (.*)$")
_OUT_OF_RANGE = re.compile(r"^(.*) is not in the range (.*)\.$")
_NO_VALUE = re.compile(r"^Option '(.*)' does not take a value\.$")
_NO_SUBCOMMAND = re.compile(r"^Missing command\.$")
_IS_FILE = re.compile(r"^(?:File|Directory|Path) '(.*)' is a file\.$")
_NOT_READABLE = re.compile(r"^(?:File|Directory|Path) '(.*)' is not readable\.$")
_NOT_WRITABLE = re.compile(r"^(?:File|Directory|Path) '(.*)' is not writable\.$")
_NEEDS_VALUE = re.compile(r"^Option '(.*)' requires an argument\.$")
_EXTRA = re.compile(r"^Got unexpected extra arguments?(?:\(s\))? \((.*)\)$")
_NO_COMMAND = re.compile(r"^No such command '(.*)'\.$")
_NO_COMMAND_NEAR = re.compile(r"^No such command '(.*)'\. Did you mean (.*)\?$")
_NOT_EXIST = re.compile(r"^(File|Directory|Path) '(.*)' does not exist\.$")
_IS_DIR = re.compile(r"^File '(.*)' is a directory\.$")


def usage_message(exc: UsageError, lang: str) -> str:
    """Click's usage error as a sentence of the language: `Error: Missing option '--month'.` →
    `エラー: オプション '--month' が必要です`."""
    if isinstance(exc, NoSuchOption):
        near = ", ".join(exc.possibilities or [])
        return text("cli.usage.no_option", lang, option=exc.option_name) + (
            text("cli.usage.did_you_mean", lang, near=near) if near else "")
    if isinstance(exc, MissingParameter):
        param = exc.param
        hint: object = exc.param_hint or (param.get_error_hint(exc.ctx) if param and exc.ctx else "")
        kind = exc.param_type or (param.param_type_name if param else "parameter")
        return text(f"cli.usage.missing_{kind if kind in ('option', 'argument') else 'parameter'}", lang,
                    name=str(hint))
    if isinstance(exc, BadParameter):
        bad: object = exc.param_hint or (exc.param.get_error_hint(exc.ctx) if exc.param and exc.ctx else None)
        said = _click_sentence(exc.message, lang)
        return text("cli.usage.bad_value", lang, name=str(bad), reason=said) if bad else said
    return _click_sentence(exc.message, lang)


def _click_sentence(message: str, lang: str) -> str:
    """One of Click's own sentences in the language (haru's own arrive translated already)."""
    found = _OUT_OF_RANGE.match(message)
    if found:  # 1<=x<=99 as the help page says it: 1〜99
        return text("cli.usage.out_of_range", lang, a0=found.group(1),
                    a1=range_words(found.group(2), lang) or found.group(2))
    for pattern, key in ((_INVALID_CHOICE, "cli.usage.not_one_of"), (_NOT_INT, "cli.usage.not_int"),
                         (_NEEDS_VALUE, "cli.usage.needs_value"), (_EXTRA, "cli.usage.extra"),
                         (_NO_COMMAND, "cli.usage.no_command"), (_IS_DIR, "cli.usage.is_dir"),
                         (_NOT_NUMBER, "cli.usage.not_number"), (_NOT_BOOL, "cli.usage.not_bool"),
                         (_NO_VALUE, "cli.usage.no_value"), (_NO_SUBCOMMAND, "cli.usage.no_subcommand"),
                         (_IS_FILE, "cli.usage.is_file"), (_NOT_READABLE, "cli.usage.not_readable"),
                         (_NOT_WRITABLE, "cli.usage.not_writable")):
        found = pattern.match(message)
        if found:
            return text(key, lang, **{f"a{n}": g for n, g in enumerate(found.groups())})
    found = _NOT_EXIST.match(message)
    if found:
        return text("cli.usage.not_exist", lang, a0=found.group(2))
    found = _NO_COMMAND_NEAR.match(message)  # a subcommand mistyped (haru partner lst)
    if found:
        return text("cli.usage.no_command_near", lang, command=found.group(1), near=found.group(2))
    return message


def usage_text(exc: UsageError, lang: str) -> str:
    """What a usage error prints: the usage line, where help is, the error."""
    lines = []
    ctx = exc.ctx
    if ctx is not None:
        usage = ctx.get_usage()
        lines.append(usage.replace("Usage: ", text("help.word.usage", lang) + " ", 1))
        option = ctx.help_option_names[0] if ctx.help_option_names else "--help"
        lines.append(text("cli.usage.try", lang, command=ctx.command_path, option=option))
        lines.append("")
    lines.append(text("cli.usage.error", lang, message=usage_message(exc, lang)))
    return "\n".join(lines)

