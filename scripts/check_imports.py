#!/usr/bin/env python3
"""The project's own import graph: fail on any cycle, and on any code module over 500 lines.

Every ``import`` / ``from … import`` counts, at module level or inside a function, except those under
``if TYPE_CHECKING:``. Migrations, tests and pure data tables (``*_data.py``, ``_eligibility_rules.py``)
are not counted for the size rule; migrations and tests are not part of the graph.

It also checks the layers drawn in docs/architecture.md: a module may import its own layer and those below it,
never one above (``LAYERS``, lowest first; a module belongs to the layer of its longest matching prefix).

Usage: ``python scripts/check_imports.py [--graph]``; exit status 1 when a promise does not hold.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("config", "awards", "campaigns", "units")
MAX_LINES = 500
DATA_MODULES = ("_data.py", "_rules.py")

# Lowest first. Pages of a package sit with their package; what wires everything together sits on top.
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    ("settings", ("config", "config.settings", "config.env", "config.celery", "config.formats")),
    ("units", ("units",)),
    ("models", ("awards", "awards.apps", "awards.enums", "awards.models", "campaigns.apps", "campaigns.models")),
    ("core", ("awards.core",)),
    ("catalogue", ("awards.catalogue",)),
    ("notices", ("awards.notices",)),
    ("record", ("awards.record",)),
    ("campaigns", ("campaigns",)),
    ("dossiers", ("awards.dossiers",)),
    ("consultation", ("awards.consultation",)),
    ("council", ("awards.council",)),
    ("documents", ("awards.documents",)),
    ("signing", ("awards.signing",)),
    ("decisions", ("awards.decisions",)),
    ("fund", ("awards.fund",)),
    ("clusters", ("units.clusters",)),
    ("reports", ("awards.reports",)),
    ("maintenance", ("awards.maintenance",)),
    ("exchange", ("awards.exchange",)),
    ("api", ("awards.api",)),
    ("site", ("awards.admin", "awards.urls", "awards.demo", "awards.management", "units.views", "units.urls",
              "campaigns.urls", "config.urls", "config.views", "config.wsgi", "config.asgi")),
]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def project_files() -> dict[str, Path]:
    files: dict[str, Path] = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            files[module_name(path)] = path
    return files


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


class _Imports(ast.NodeVisitor):
    def __init__(self, module: str, is_package: bool) -> None:
        self.module = module
        self.package = module if is_package else module.rpartition(".")[0]
        self.names: set[str] = set()
        self.from_names: list[tuple[str, str]] = []

    def visit_If(self, node: ast.If) -> None:
        if _is_type_checking(node.test):
            for child in node.orelse:
                self.visit(child)
            return
        self.generic_visit(node)

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self.names.add(alias.name)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.level:
            base = self.package.split(".")
            if node.level > 1:
                base = base[: len(base) - (node.level - 1)]
            prefix = ".".join(base + ([node.module] if node.module else []))
        else:
            prefix = node.module or ""
        # "from a.b import c" names the module a.b.c when there is one, else (a name defined in) a.b.
        self.from_names.extend((prefix, alias.name) for alias in node.names)


def import_graph(files: dict[str, Path]) -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for module, path in files.items():
        visitor = _Imports(module, path.name == "__init__.py")
        visitor.visit(ast.parse(path.read_text(encoding="utf-8"), filename=str(path)))
        names = set(visitor.names)
        for prefix, name in visitor.from_names:
            names.add(f"{prefix}.{name}" if f"{prefix}.{name}" in files else prefix)
        targets: set[str] = set()
        for name in names:
            while name and name not in files:
                name = name.rpartition(".")[0]
            if name and name != module:
                targets.add(name)
        graph[module] = targets
    return graph


def cycles(graph: dict[str, set[str]]) -> list[tuple[list[str], list[str]]]:
    """Strongly connected components of more than one module (Tarjan), each with one cycle through it."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []
    counter = 0

    def strongconnect(start: str) -> None:
        nonlocal counter
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            advanced = False
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                    advanced = True
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    components.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            strongconnect(node)
    return [(component, _one_cycle(graph, set(component))) for component in components]


def _one_cycle(graph: dict[str, set[str]], members: set[str]) -> list[str]:
    """A shortest cycle through the component's first module, for the message."""
    start = min(members)
    previous: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for child in sorted(graph[node] & members):
                if child == start:
                    path = [node]
                    while path[-1] != start:
                        path.append(previous[path[-1]])
                    return [*reversed(path), start]
                if child not in previous:
                    previous[child] = node
                    following.append(child)
        frontier = following
    return sorted(members)


def layer_of(module: str) -> int:
    best, found = -1, -1
    for number, (_name, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > best:
                best, found = len(prefix), number
    return found


def layer_breaches(graph: dict[str, set[str]]) -> list[str]:
    breaches = []
    for module in sorted(graph):
        own = layer_of(module)
        for target in sorted(graph[module]):
            if layer_of(target) > own:
                breaches.append(f"{module} ({LAYERS[own][0]}) imports {target} ({LAYERS[layer_of(target)][0]})")
    return breaches


def oversized(files: dict[str, Path]) -> list[tuple[str, int]]:
    found = []
    for module, path in files.items():
        if path.name.endswith(DATA_MODULES):
            continue
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_LINES:
            found.append((module, lines))
    return sorted(found, key=lambda item: -item[1])


def main(argv: list[str]) -> int:
    files = project_files()
    graph = import_graph(files)
    if "--graph" in argv:
        for module in sorted(graph):
            print(f"{module}: {', '.join(sorted(graph[module]))}")
    found = cycles(graph)
    big = oversized(files)
    unplaced = sorted(module for module in files if layer_of(module) < 0)
    breaches = layer_breaches({m: t for m, t in graph.items() if m not in unplaced})
    for members, cycle in found:
        print("import cycle: " + " -> ".join(cycle))
        if len(members) > len(cycle) - 1:
            print("  (the modules that reach each other: " + ", ".join(members) + ")")
    for module, lines in big:
        print(f"over {MAX_LINES} lines: {module} ({lines})")
    for module in unplaced:
        print(f"no layer for {module}: add it to LAYERS")
    for breach in breaches:
        print(f"layer breach: {breach}")
    print(f"{len(files)} modules, {sum(len(v) for v in graph.values())} imports, "
          f"{len(found)} import cycles, {len(breaches)} layer breaches, {len(big)} modules over {MAX_LINES} lines")
    return 1 if found or big or breaches or unplaced else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
