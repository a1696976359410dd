"""Find user-visible English that is not marked for translation (used by tests/test_i18n_source.py).

A string literal counts as user-visible text when it holds a word of letters and reads like words
(a space between words, or a capitalised word), outside a docstring, a translation call, a key
(`key=`, `session_state[...]`, a dict's key, a comparison) and anything that reads like SQL or a format code.
Allowed exceptions are written on their line as `# i18n: <why it is not translated>`.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Where user-visible words are written (the list: pages, ui, charts, report, definitions),
# plus the page models and the shared wording that put sentences on screen.
SCANNED = [
    "app.py",
    "pages/*.py",
    "ui/*.py",
    "analytics/charts*.py",
    "analytics/report/*.py",
    "analytics/definitions.py",
    "analytics/views/*.py",
    "analytics/wording.py",
]
MARKERS = {"_", "ngettext", "pgettext", "npgettext", "N_", "C_", "term"}
# Calls whose string arguments are never shown: logs, lookups, regular expressions, SQL, types.
NOT_SHOWN_CALLS = {
    "getLogger",
    "debug",
    "info",
    "warning",
    "exception",
    "error_log",
    "compile",
    "match",
    "search",
    "fullmatch",
    "sub",
    "findall",
    "split",
    "execute",
    "sql",
    "query",
    "get",
    "pop",
    "setdefault",
    "startswith",
    "endswith",
    "replace",
    "astype",
    "strftime",
    "strptime",
    "to_datetime",
    "TypeVar",
    "ContextVar",
    "cast",
    "getattr",
    "hasattr",
    "setattr",
    "isin",
    "contains",
    "rename_axis",
    "sort_values",
    "groupby",
    "merge",
    "set_index",
    "reset_index",
    "drop",
    "fillna",
    "agg",
    "select_dtypes",
}
NOT_SHOWN_KEYWORDS = {
    "key",
    "on",
    "how",
    "orient",
    "errors",
    "dtype",
    "format",
    "kind",
    "icon",
    "type",
    "mode",
    "encoding",
    "engine",
    "method",
    "name",
    "sep",
    "selection_mode",
    "template",
    "locale",
    "hovermode",
    "barmode",
    "xref",
    "yref",
    "anchor",
    "textposition",
    "layout",
    "position",
    "width",
    "align",
    "vertical_alignment",
    "gap",
    "border",
}
_WORD = re.compile(r"[^\W\d_]{2,}")
_SQL = re.compile(
    r"^\s*(select|with|create|insert|update|delete|from|where|alter|drop|attach|copy|pragma|set|install|load|describe|order by|group by|join|left join|case when)\b",
    re.I,
)
_CODE_LIKE = re.compile(
    r"^[\w.:/%\-\[\]{}()#@*+=<>!,|$^\\?]*$"
)  # identifiers, paths, format codes, column keys


@dataclass(frozen=True)
class Unmarked:
    path: str
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.text[:90]!r}"


def files() -> list[Path]:
    found: list[Path] = []
    for pattern in SCANNED:
        found.extend(sorted(ROOT.glob(pattern)))
    return found


def looks_like_words(text: str) -> bool:
    if not _WORD.search(text) or _SQL.match(text):
        return False
    stripped = text.strip()
    if " " not in stripped:
        # One token: a code or key unless it is a capitalised word ("Members", "Views").
        return bool(re.fullmatch(r"[A-ZÀ-Ý][a-zà-ÿ]+[.:!?]?", stripped))
    return not _CODE_LIKE.match(stripped)


def _name(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


class _Scanner(ast.NodeVisitor):
    def __init__(self, path: str, lines: list[str]) -> None:
        self.path, self.lines = path, lines
        self.found: list[Unmarked] = []
        self.skip: set[int] = set()

    def _skip_all(self, node: ast.AST) -> None:
        for inner in ast.walk(node):
            self.skip.add(id(inner))

    def visit_Module(self, node: ast.Module) -> None:
        self._docstring(node)
        self.generic_visit(node)

    def _docstring(self, node: ast.AST) -> None:
        body = getattr(node, "body", None)
        if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
            self.skip.add(id(body[0].value))

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self._docstring(node)
        for default in [*node.args.defaults, *node.args.kw_defaults]:
            if default is not None and not isinstance(default, ast.Constant):
                continue
        self.generic_visit(node)

    visit_AsyncFunctionDef = visit_FunctionDef  # type: ignore[assignment]

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self._docstring(node)
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        name = _name(node.func)
        if name in MARKERS or name in NOT_SHOWN_CALLS:
            self._skip_all(node)
        for keyword in node.keywords:
            if keyword.arg in NOT_SHOWN_KEYWORDS:
                self._skip_all(keyword.value)
        self.generic_visit(node)

    def visit_Subscript(self, node: ast.Subscript) -> None:
        self._skip_all(node.slice)
        self.generic_visit(node)

    def visit_Dict(self, node: ast.Dict) -> None:
        for key in node.keys:  # keys are codes looked up by the code; the values are what is shown
            if key is not None:
                self._skip_all(key)
        self.generic_visit(node)

    def visit_Compare(self, node: ast.Compare) -> None:
        self._skip_all(node)
        self.generic_visit(node)

    def visit_Raise(self, node: ast.Raise) -> None:
        self.generic_visit(node)

    def visit_JoinedStr(self, node: ast.JoinedStr) -> None:
        if id(node) in self.skip:
            return
        literal = "".join(
            v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)
        )
        if _WORD.search(literal) and " " in literal.strip() and not _SQL.match(literal):
            self._report(node, "f" + repr(literal))
        self._skip_all(node)  # its pieces are judged as one

    def visit_Constant(self, node: ast.Constant) -> None:
        if id(node) in self.skip or not isinstance(node.value, str):
            return
        if looks_like_words(node.value):
            self._report(node, node.value)

    def _report(self, node: ast.AST, text: str) -> None:
        first, last = node.lineno, getattr(node, "end_lineno", node.lineno) or node.lineno
        if any("# i18n:" in self.lines[n - 1] for n in range(first, last + 1)):
            return
        self.found.append(Unmarked(self.path, first, text))


def unmarked(path: Path) -> list[Unmarked]:
    source = path.read_text(encoding="utf-8")
    scanner = _Scanner(str(path.relative_to(ROOT)), source.splitlines())
    scanner.visit(ast.parse(source))
    return scanner.found


def exceptions() -> list[str]:
    """Every listed exception, `path:line: why` (what the test prints for review)."""
    listed = []
    for path in files():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if "# i18n:" in line:
                listed.append(f"{path.relative_to(ROOT)}:{number}: {line.split('# i18n:', 1)[1].strip()}")
    return listed


if __name__ == "__main__":
    import sys

    chosen = [ROOT / p for p in sys.argv[1:]] or files()
    total = 0
    for path in chosen:
        for item in unmarked(path):
            print(item)
            total += 1
    print(f"{total} unmarked strings")
