"""A Griffe extension that turns the reStructuredText markup of docstrings into Markdown.

The docstrings of resolmetrics are written for ``help()`` and doctest, in
reStructuredText. Before mkdocstrings renders them, this extension rewrites:

- inline literals (two backquotes on each side) as Markdown code (one);
- the roles ``:class:``, ``:func:``, ``:meth:``, ``:attr:``, ``:data:``,
  ``:mod:``, ``:exc:`` and ``:obj:`` as autorefs cross-references
  (``[`Policy`][resolmetrics.policy.Policy]``) when their target is rendered
  on a page of the site, and as plain code otherwise, so that no reference
  is left dangling; a ``~`` before the target shows only its last name;
- doctest examples (a ``>>>`` line, its ``...`` continuations and its output,
  up to a blank line) as fenced ``pycon`` blocks, without ``# doctest:``
  directives;
- a paragraph ending in ``::`` as one ending in ``:``; the indented literal
  block after it is already a Markdown code block and is left as it is.

A target is rendered when a ``::: identifier`` line of a Markdown page of the
docs folder shows it, or shows an object it is a public member of with a
docstring, at any depth: what mkdocstrings shows with ``filters: public``
and ``show_if_no_docstring: false``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import griffe

__all__ = ["RstToMarkdown", "rewrite"]

Resolver = Callable[[str], str | None]
"""Maps a role's target (without ``~``) to the identifier to link to, or None for plain code."""

_INLINE = re.compile(
    r"``(?P<literal>(?:(?!``).)+?)``"
    r"|:(?:class|func|meth|attr|data|mod|exc|obj):`(?P<tilde>~?)(?P<target>[^`]+)`",
    re.DOTALL,
)
_DOCTEST_DIRECTIVE = re.compile(r"\s*#\s*doctest:.*$")
_DIRECTIVE_LINE = re.compile(r"^:::\s+(?P<identifier>[\w.]+)", re.MULTILINE)
_DOCS = Path(__file__).resolve().parents[1]


def _code(text: str) -> str:
    return f"`` {text} ``" if "`" in text else f"`{text}`"


def _inline(text: str, resolve: Resolver) -> str:
    def replace(match: re.Match[str]) -> str:
        if match["literal"] is not None:
            return _code(match["literal"])
        target = match["target"]
        shown = target.rsplit(".", 1)[-1] if match["tilde"] else target
        identifier = resolve(target)
        return _code(shown) if identifier is None else f"[{_code(shown)}][{identifier}]"

    return _INLINE.sub(replace, text)


def _indent(line: str) -> str:
    return line[: len(line) - len(line.lstrip())]


def rewrite(text: str, resolve: Resolver) -> str:
    """Return the docstring *text* with its reStructuredText markup written as Markdown.

    *resolve* maps the target of a role to the identifier to link to, or to
    None when the target is to be shown as plain code.
    """
    lines = text.split("\n")
    out: list[str] = []
    prose: list[str] = []
    literal_indent: str | None = None  # inside the indented block after a "::" paragraph

    def flush() -> None:
        if prose:
            out.extend(_inline("\n".join(prose), resolve).split("\n"))
            prose.clear()

    index = 0
    while index < len(lines):
        line = lines[index]
        if literal_indent is not None:
            if not line.strip() or len(_indent(line)) > len(literal_indent):
                out.append(line)
                index += 1
                continue
            literal_indent = None
        if line.lstrip().startswith(">>>"):
            flush()
            indent = _indent(line)
            if out and out[-1].strip():
                out.append("")
            out.append(f"{indent}```pycon")
            while index < len(lines) and lines[index].strip():
                example = lines[index]
                if example.lstrip().startswith((">>>", "...")):
                    example = _DOCTEST_DIRECTIVE.sub("", example)
                out.append(example)
                index += 1
            out.append(f"{indent}```")
            continue
        if line.rstrip().endswith("::") and line.strip() != "::":
            prose.append(line.rstrip()[:-1])
            flush()
            literal_indent = _indent(line)
            index += 1
            continue
        if line.strip():
            prose.append(line)
        else:
            flush()
            out.append(line)
        index += 1
    flush()
    return "\n".join(out)


def _objects(obj: griffe.Object) -> Iterator[griffe.Object]:
    """*obj* and every object defined in it, at any depth (not the names it imports)."""
    yield obj
    for member in obj.members.values():
        if not member.is_alias:
            yield from _objects(member)  # type: ignore[arg-type]


def _target(collection: griffe.ModulesCollection, path: str) -> griffe.Object | None:
    try:
        found = collection.get_member(path)
        return found.final_target if isinstance(found, griffe.Alias) else found
    except (KeyError, ValueError, griffe.AliasResolutionError, griffe.CyclicAliasError):
        return None


def _shown(member: griffe.Object | griffe.Alias) -> bool:
    """Whether mkdocstrings renders *member* under its parent with the site's options."""
    try:
        return not member.inherited and member.is_public and member.has_docstrings
    except (griffe.AliasResolutionError, griffe.CyclicAliasError):
        return False


def _rendered(collection: griffe.ModulesCollection, identifiers: Iterable[str]) -> set[str]:
    """The canonical paths of the objects the ``::: identifier`` lines render."""
    paths: set[str] = set()

    def visit(obj: griffe.Object) -> None:
        if obj.canonical_path in paths:
            return
        paths.add(obj.canonical_path)
        for member in obj.members.values():
            if _shown(member):
                target = _target(collection, member.path)
                if target is not None:
                    visit(target)

    for identifier in identifiers:
        root = _target(collection, identifier)
        if root is not None:
            visit(root)
    return paths


def _scopes(obj: griffe.Object) -> list[str]:
    """Where the unqualified names of *obj*'s docstring are looked up, innermost first."""
    scopes: list[str] = []
    if obj.is_class:
        scopes.append(obj.path)
    elif obj.parent is not None and obj.parent.is_class:
        scopes.append(obj.parent.path)
    scopes.append(obj.module.path)
    scopes.append(obj.package.path)
    return scopes


class RstToMarkdown(griffe.Extension):
    """Rewrite the docstrings of a package once it is loaded (see the module docstring).

    *docs* is the folder whose Markdown pages are searched for ``::: identifier``
    lines; by default, the folder this file is in belongs to.
    """

    def __init__(self, docs: str | None = None) -> None:
        super().__init__()
        self.docs = Path(docs) if docs is not None else _DOCS

    def identifiers(self) -> list[str]:
        """The identifiers of the ``::: identifier`` lines of the pages, in file order."""
        return [
            match["identifier"]
            for page in sorted(self.docs.rglob("*.md"))
            for match in _DIRECTIVE_LINE.finditer(page.read_text(encoding="utf-8"))
        ]

    def on_package(
        self, *, pkg: griffe.Module, loader: griffe.GriffeLoader, **kwargs: Any
    ) -> None:
        collection = loader.modules_collection
        rendered = _rendered(collection, self.identifiers())

        for obj in _objects(pkg):
            if obj.docstring is None:
                continue

            def resolve(target: str, obj: griffe.Object = obj) -> str | None:
                for path in [*(f"{scope}.{target}" for scope in _scopes(obj)), target]:
                    found = _target(collection, path)
                    if found is not None:
                        return found.canonical_path if found.canonical_path in rendered else None
                return None

            obj.docstring.value = rewrite(obj.docstring.value, resolve)
