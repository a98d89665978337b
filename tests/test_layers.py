"""The import graph, read with ``ast``: layers point one way and no module cycle exists.

Every import counts, including those inside functions (that is where cycles used to
hide); only imports under ``if TYPE_CHECKING:`` are skipped, since they never run.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RANK = {"knowledge": 0, "tools": 1, "agents": 2, "server": 3, "evals": 3, "cli": 4}
PACKAGES = tuple(RANK)


def _modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            found[name] = path
    return found


def _runtime_imports(tree: ast.AST) -> Iterator[tuple[int, str]]:
    """(line, module) for every import that can run, skipping TYPE_CHECKING blocks."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped.update(id(inner) for child in node.body for inner in ast.walk(child))
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            yield from ((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.lineno, node.module
            yield from ((node.lineno, f"{node.module}.{a.name}") for a in node.names)


def _graph() -> dict[str, dict[str, int]]:
    modules = _modules()
    edges: dict[str, dict[str, int]] = {name: {} for name in modules}
    for name, path in modules.items():
        for line, target in _runtime_imports(ast.parse(path.read_text(encoding="utf-8"))):
            if target in modules and target != name:
                edges[name].setdefault(target, line)
    return edges


def test_no_module_imports_from_a_layer_above_it() -> None:
    upward = [f"{src} (line {line}) imports {dst}"
              for src, targets in _graph().items() for dst, line in targets.items()
              if RANK[dst.split(".")[0]] > RANK[src.split(".")[0]]]
    assert upward == []


def test_no_import_cycles() -> None:
    edges = _graph()
    cycles: list[list[str]] = []
    state: dict[str, int] = {}  # 1 on the current path, 2 finished

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in edges[node]:
            if state.get(nxt) == 1:
                cycles.append([*path[path.index(nxt):], nxt])
            elif nxt not in state:
                visit(nxt, [*path, nxt])
        state[node] = 2

    for start in sorted(edges):
        if start not in state:
            visit(start, [start])
    assert cycles == []
