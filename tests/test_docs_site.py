"""The docs site: its docstring rewriting, strict build, nav and code blocks."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from types import ModuleType

import griffe
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
EXTENSION = DOCS / "_ext" / "rst_to_markdown.py"


def _load_extension() -> ModuleType:
    spec = importlib.util.spec_from_file_location("rst_to_markdown", EXTENSION)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


ext = _load_extension()

# What the hand-written docstrings below may link to: a role target -> its identifier.
LINKS = {
    "~resolmetrics.Policy": "resolmetrics.policy.Policy",
    "resolmetrics.Policy": "resolmetrics.policy.Policy",
    "Policy": "resolmetrics.policy.Policy",
    "Rule.parse": "resolmetrics.rules.Rule.parse",
    "evaluate": "resolmetrics.evaluate.evaluate",
}


def _resolve(target: str) -> str | None:
    return LINKS.get(target) or LINKS.get("~" + target)


REWRITES = [
    pytest.param(
        "No markup at all.\n\nTwo paragraphs.", "No markup at all.\n\nTwo paragraphs.", id="plain"
    ),
    pytest.param("Read ``as_of`` and ``policy``.", "Read `as_of` and `policy`.", id="literals"),
    pytest.param(
        "A literal ``a `b` c`` with a backtick.",
        "A literal `` a `b` c `` with a backtick.",
        id="literal-with-backtick",
    ),
    pytest.param(
        "Spans ``two\nlines`` here.", "Spans `two\nlines` here.", id="literal-over-lines"
    ),
    pytest.param(
        "See :class:`~resolmetrics.Policy`.",
        "See [`Policy`][resolmetrics.policy.Policy].",
        id="tilde-role",
    ),
    pytest.param(
        "See :class:`resolmetrics.Policy`.",
        "See [`resolmetrics.Policy`][resolmetrics.policy.Policy].",
        id="full-role",
    ),
    pytest.param(
        "Use :meth:`Rule.parse` or :func:`evaluate`.",
        "Use [`Rule.parse`][resolmetrics.rules.Rule.parse] or "
        "[`evaluate`][resolmetrics.evaluate.evaluate].",
        id="meth-and-func",
    ),
    pytest.param(
        "Raises :class:`ValueError` (:exc:`~builtins.TypeError`), see :mod:`decimal`.",
        "Raises `ValueError` (`TypeError`), see `decimal`.",
        id="unresolved-as-code",
    ),
    pytest.param(
        "Written ``x = :func:`f` + 1`` in reST.",
        "Written `` x = :func:`f` + 1 `` in reST.",
        id="role-inside-literal",
    ),
    pytest.param(
        ":data:`~resolmetrics.indicators.PARTY_QUALITY` and :attr:`Status.NO_DATA`",
        "`PARTY_QUALITY` and `Status.NO_DATA`",
        id="data-and-attr",
    ),
    pytest.param(
        "Judge it:\n>>> rm.evaluate(target, result).status\nStatus.ACHIEVED\n\nThen more.",
        "Judge it:\n\n```pycon\n>>> rm.evaluate(target, result).status\nStatus.ACHIEVED\n```\n"
        "\nThen more.",
        id="doctest-after-text",
    ),
    pytest.param(
        ">>> progress = LinearProRating().assess(\n...     base_value=50)\n"
        ">>> progress.explain()  # doctest: +ELLIPSIS\n'behind schedule ...'",
        "```pycon\n>>> progress = LinearProRating().assess(\n...     base_value=50)\n"
        ">>> progress.explain()\n'behind schedule ...'\n```",
        id="doctest-continuation-directive-at-end",
    ),
    pytest.param(
        "Two examples.\n\n>>> 1 + 1\n2\n\nand\n\n>>> ``x``\n",
        "Two examples.\n\n```pycon\n>>> 1 + 1\n2\n```\n\nand\n\n```pycon\n>>> ``x``\n```\n",
        id="two-doctests-code-untouched",
    ),
    pytest.param(
        "- :func:`evaluate`: judges;\n    >>> evaluate\n",
        "- [`evaluate`][resolmetrics.evaluate.evaluate]: judges;\n\n    ```pycon\n"
        "    >>> evaluate\n    ```\n",
        id="indented-doctest",
    ),
    pytest.param(
        "Every method has the same call::\n\n    method.assess(``x``, :class:`Policy`)\n\n"
        "and returns :class:`Policy`.",
        "Every method has the same call:\n\n    method.assess(``x``, :class:`Policy`)\n\n"
        "and returns [`Policy`][resolmetrics.policy.Policy].",
        id="literal-block",
    ),
]


@pytest.mark.parametrize(("docstring", "expected"), REWRITES)
def test_rewrite(docstring: str, expected: str) -> None:
    assert ext.rewrite(docstring, _resolve) == expected


def _package(tmp_path: Path) -> Path:
    """A small package with reST docstrings, written in *tmp_path*/src."""
    package = tmp_path / "src" / "toypkg"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(
        textwrap.dedent('''
            """Toys: see :class:`Box` and :func:`~toypkg.core.shake`."""
            from .core import Box, shake

            __all__ = ["Box", "shake"]
        '''),
        encoding="utf-8",
    )
    (package / "core.py").write_text(
        textwrap.dedent('''
            """The core: :class:`Box`, :func:`shake`, :func:`_hidden` and :meth:`Box.open`."""

            class Box:
                """A box; :meth:`open` it, or :meth:`close` it, or read :attr:`size`."""

                size: int = 1
                """How big."""

                def open(self) -> None:
                    """Open it, unlike :class:`Box`'s ``close``."""

                def close(self) -> None:
                    pass

            def shake(box: Box) -> None:
                """Shake a :class:`Box` (see :mod:`toypkg`)."""

            def _hidden() -> None:
                """Not shown: see :func:`shake`."""
        '''),
        encoding="utf-8",
    )
    return tmp_path / "src"


TOY_DOCSTRINGS = [
    # With a page showing `::: toypkg.Box` and `::: toypkg.shake`: Box, its documented
    # members and shake are rendered; Box.close (no docstring), _hidden and the modules are not.
    (
        "toypkg",
        "Toys: see [`Box`][toypkg.core.Box] and [`shake`][toypkg.core.shake].",
    ),
    (
        "toypkg.core",
        "The core: [`Box`][toypkg.core.Box], [`shake`][toypkg.core.shake], `_hidden` and "
        "[`Box.open`][toypkg.core.Box.open].",
    ),
    (
        "toypkg.core.Box",
        "A box; [`open`][toypkg.core.Box.open] it, or `close` it, or read "
        "[`size`][toypkg.core.Box.size].",
    ),
    ("toypkg.core.Box.open", "Open it, unlike [`Box`][toypkg.core.Box]'s `close`."),
    ("toypkg.core.shake", "Shake a [`Box`][toypkg.core.Box] (see `toypkg`)."),
    ("toypkg.core._hidden", "Not shown: see [`shake`][toypkg.core.shake]."),
]


@pytest.fixture(scope="module")
def toypkg(tmp_path_factory: pytest.TempPathFactory) -> griffe.Module:
    tmp_path = tmp_path_factory.mktemp("toy")
    src = _package(tmp_path)
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "api.md").write_text("# API\n\n::: toypkg.Box\n\n::: toypkg.shake\n", encoding="utf-8")
    extensions = griffe.load_extensions(ext.RstToMarkdown(docs=str(docs)))
    loaded = griffe.load("toypkg", search_paths=[str(src)], extensions=extensions)
    assert isinstance(loaded, griffe.Module)
    return loaded


@pytest.mark.parametrize(("path", "expected"), TOY_DOCSTRINGS)
def test_extension_links_only_rendered_objects(
    toypkg: griffe.Module, path: str, expected: str
) -> None:
    obj = toypkg.modules_collection.get_member(path)
    assert obj.docstring is not None
    assert obj.docstring.value == expected


def test_extension_reads_the_directives_of_the_pages(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.md").write_text("::: pkg.b\n    options:\n      x: 1\n\n::: pkg.a\n")
    (tmp_path / "sub" / "c.md").write_text("Text with ::: inline\n::: pkg.c.d\n")
    assert ext.RstToMarkdown(docs=str(tmp_path)).identifiers() == ["pkg.b", "pkg.a", "pkg.c.d"]


def test_site_builds_strictly_without_warnings(tmp_path: Path) -> None:
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    output = build.stdout + build.stderr
    assert build.returncode == 0, output
    assert "WARNING" not in output
    assert (tmp_path / "reference" / "api-docstrings" / "index.html").is_file()


def _nav_pages(items: list[object]) -> list[str]:
    pages: list[str] = []
    for item in items:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            pages.extend(_nav_pages(value))
        else:
            assert isinstance(value, str), item
            pages.append(value)
    return pages


NAV = _nav_pages(yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["nav"])


def test_every_page_is_in_the_nav_once_and_every_nav_entry_exists() -> None:
    pages = sorted(path.relative_to(DOCS).as_posix() for path in DOCS.rglob("*.md"))
    assert sorted(NAV) == pages


def test_nav_sections_are_the_four_kinds() -> None:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    titles = [next(iter(item)) for item in config["nav"]]
    assert titles == ["Home", "Tutorial", "How-to guides", "Explanation", "Reference"]


def test_the_docstring_page_shows_every_public_name_once_and_public_modules() -> None:
    import resolmetrics

    page = (DOCS / "reference" / "api-docstrings.md").read_text(encoding="utf-8")
    shown = re.findall(r"^::: resolmetrics\.(\w+)$", page, flags=re.MULTILINE)
    assert len(shown) == len(set(shown))
    assert sorted(set(resolmetrics.__all__) - set(shown)) == []
    modules = [name for name in shown if name not in resolmetrics.__all__]
    assert "strategies" in modules
    for name in modules:
        assert importlib.util.find_spec(f"resolmetrics.{name}") is not None, name


# Languages of fenced blocks that are not Python, so need not run.
NOT_PYTHON = {"sh", "console", "toml", "csv", "tsv", "json", "text", "yaml", "ini", "html"}
_FENCE = re.compile(r"^(?P<indent> *)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")


def code_block_problems(text: str) -> list[str]:
    """The fenced blocks of a Markdown *text* that are neither doctests nor another language.

    A ``pycon`` block must start with a ``>>>`` line (its other lines being
    ``>>>``, ``...`` or expected output), since only those run under doctest.
    """
    problems: list[str] = []
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        opening = _FENCE.match(lines[index])
        if opening is None:
            index += 1
            continue
        start, fence = index + 1, opening["fence"]
        language = opening["info"].strip().split(" ")[0].lstrip(".").lower()
        index += 1
        body: list[str] = []
        while index < len(lines) and not lines[index].strip().startswith(fence):
            body.append(lines[index].strip())
            index += 1
        index += 1
        code = [line for line in body if line]
        if language == "pycon":
            if not code or not code[0].startswith(">>>"):
                problems.append(f"line {start}: a pycon block that does not start with >>>")
        elif language not in NOT_PYTHON:
            problems.append(f"line {start}: a ```{language} block, which no test runs")
    return problems


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("```pycon\n>>> 1 + 1\n2\n```\n", []),
        ("Text\n\n```sh\npip install resolmetrics\n```\n\n```text\nSTT | Mục tiêu\n```\n", []),
        ("```python\nrm.Indicator(key)\n```\n", ["line 1: a ```python block, which no test runs"]),
        ("a\n\n```\nplain\n```\n", ["line 3: a ``` block, which no test runs"]),
        (
            "```pycon\nimport resolmetrics\n```\n",
            ["line 1: a pycon block that does not start with >>>"],
        ),
        ("````text\n```python\nx\n```\n````\n\n  ```pycon\n  >>> 1\n  1\n  ```\n", []),
        (
            "```py title='x'\nx = 1\n```\n```toml\n[a]\n```\n",
            ["line 1: a ```py block, which no test runs"],
        ),
    ],
)
def test_code_block_problems(text: str, expected: list[str]) -> None:
    assert code_block_problems(text) == expected


MARKDOWN = sorted(
    path.relative_to(ROOT).as_posix() for path in [ROOT / "README.md", *DOCS.rglob("*.md")]
)


@pytest.mark.parametrize("page", MARKDOWN)
def test_every_code_block_runs_or_is_not_python(page: str) -> None:
    assert code_block_problems((ROOT / page).read_text(encoding="utf-8")) == []
