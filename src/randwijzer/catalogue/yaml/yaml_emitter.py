"""A small canonical YAML emitter: the same data always gives the same bytes.

PyYAML's dumper reflows long lines, picks its own quotes and list styles; a yearly review
wants one change to be one changed line. So the catalogue files are written by this
emitter, in one fixed style:

- block mappings with two-space indent, keys in the order the caller gives;
- `Flow([...])` lists on one line (`themes: [a, b]`), other lists as block sequences
  (`- ` items, two spaces under their key), `FlowMap({...})` items on one line;
- multi-line text as a literal block (`|`), line by line (its final line break is not data:
  the loader strips every string);
- strings plain where YAML reads them back as the same string, otherwise double-quoted;
  strings made of digits and `-./:` only ("2024", "02-01", "23106") are always quoted,
  so a reader never wonders whether they are numbers or dates;
- `Commented(value, "comment")` adds `  # comment` after a scalar list item.
"""
from __future__ import annotations

import datetime as dt
import json
import re

import yaml

NUMBERISH = re.compile(r"^[0-9][0-9\-./:]*$")
INDENT = "  "


class Flow(list):
    """A list written on one line: `[a, b, c]`."""


class FlowMap(dict):
    """A mapping written on one line: `{label: Asse, value: 1}`."""


class Commented:
    def __init__(self, value, comment: str):
        self.value, self.comment = value, comment


def _plain_ok(text: str, flow: bool) -> bool:
    if not text or text != text.strip() or "\n" in text or NUMBERISH.match(text):
        return False
    try:
        if yaml.safe_load(text) != text:  # "yes", "12", "null", "2024-01-01": not read back as this string
            return False
    except yaml.YAMLError:
        return False
    analysis = yaml.emitter.Emitter(None, allow_unicode=True).analyze_scalar(text)
    return analysis.allow_flow_plain if flow else analysis.allow_block_plain


def quoted(text: str) -> str:
    # JSON's escapes (quote, backslash, newline, \u00e9-style code points) are all valid in a YAML
    # double-quoted scalar.
    return json.dumps(text, ensure_ascii=False)


def scalar(value, flow: bool = False) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return value if _plain_ok(value, flow) else quoted(value)
    raise TypeError(f"cannot emit {type(value).__name__}")


def _is_block_text(value) -> bool:
    return isinstance(value, str) and "\n" in value


def _flow_map(mapping: FlowMap) -> str:
    items = ", ".join(f"{k}: {scalar(v, flow=True)}" for k, v in mapping.items())
    return "{" + items + "}"


def _block_text(text: str, indent: str) -> list[str]:
    # "|" adds one final line break when read back; the catalogue strips it (str_strip_whitespace),
    # so text without a final break is written the way people write it: "|", not "|-".
    body = text[:-1] if text.endswith("\n") else text
    lines = body.split("\n")
    # A literal block takes its indentation from its first line: state it when that line starts with a space.
    header = "|2" if lines[0].startswith(" ") else "|"
    if body.endswith("\n"):
        header += "+"
    return [header] + [f"{indent}{line}" if line else "" for line in lines]


def _mapping(mapping: dict, indent: str) -> list[str]:
    out = []
    for key, value in mapping.items():
        out.extend(_entry(f"{indent}{key}:", value, indent))
    return out


def _entry(head: str, value, indent: str) -> list[str]:
    """`head` is "key:" or "- key:"; nested content goes under `indent` + two spaces."""
    inner = indent + INDENT
    if isinstance(value, FlowMap):
        return [f"{head} {_flow_map(value)}"]
    if isinstance(value, Flow):
        return [f"{head} [" + ", ".join(scalar(v, flow=True) for v in value) + "]"]
    if isinstance(value, dict):
        return [head] + _mapping(value, inner)
    if isinstance(value, list):
        return [head] + _sequence(value, inner)
    if _is_block_text(value):
        block = _block_text(value, inner)
        return [f"{head} {block[0]}"] + block[1:]
    return [f"{head} {scalar(value)}"]


def _sequence(items: list, indent: str) -> list[str]:
    out = []
    for item in items:
        if isinstance(item, Commented):
            out.append(f"{indent}- {scalar(item.value)}  # {item.comment}")
        elif isinstance(item, FlowMap):
            out.append(f"{indent}- {_flow_map(item)}")
        elif isinstance(item, dict):
            lines = _mapping(item, indent + INDENT)
            out.append(f"{indent}- {lines[0][len(indent) + 2:]}")
            out.extend(lines[1:])
        elif isinstance(item, list):
            raise TypeError("nested lists are not part of the catalogue format")
        else:
            out.extend(_entry(f"{indent}-", item, indent))
    return out


def dump(document: dict, header: str = "") -> str:
    """The YAML text of `document`; `header` (comment lines, each starting with '#') goes first."""
    lines = header.splitlines() + _mapping(document, "")
    return "\n".join(lines) + "\n"
