"""etl/parse/ is a one-way graph: no import cycle, no private name taken from another module.

The imports are read with ``ast`` (also those inside functions), so a lazy
import cannot hide a cycle.  The checker itself is tested on a small package
written to a temporary folder, with a cycle and a private import, so this test
can fail.
"""

from __future__ import annotations

import ast
from pathlib import Path

PARSE = Path(__file__).resolve().parents[1] / "etl" / "parse"


def imports(folder: Path, package: str) -> dict[str, list[tuple[str, str | None]]]:
    """module → [(imported module, imported name or None)] for imports inside ``package``."""
    out: dict[str, list[tuple[str, str | None]]] = {}
    for path in sorted(folder.glob("*.py")):
        mod = package if path.stem == "__init__" else f"{package}.{path.stem}"
        found: list[tuple[str, str | None]] = []
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:  # "from .units import x" inside the package
                    base = f"{package}.{base}" if base else package
                for alias in node.names:
                    sub = f"{base}.{alias.name}"
                    if (folder / f"{alias.name}.py").exists() and base == package:
                        found.append((sub, None))  # "from etl.parse import units"
                    else:
                        found.append((base, alias.name))
            elif isinstance(node, ast.Import):
                found.extend((alias.name, None) for alias in node.names)
        out[mod] = [(m, n) for m, n in found if m == package or m.startswith(package + ".")]
    return out


def private_imports(graph: dict[str, list[tuple[str, str | None]]]) -> list[str]:
    return sorted(f"{mod} imports {name} from {src}" for mod, deps in graph.items()
                  for src, name in deps if name and name.startswith("_") and src != mod)


def cycles(graph: dict[str, list[tuple[str, str | None]]]) -> list[list[str]]:
    """Every cycle found by a depth-first walk, each as the path that closes it."""
    edges = {mod: sorted({src for src, _ in deps if src != mod and src in graph}) for mod, deps in graph.items()}
    found: list[list[str]] = []
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    path: list[str] = []

    def visit(mod: str) -> None:
        state[mod] = 1
        path.append(mod)
        for dep in edges[mod]:
            if state.get(dep) == 1:
                found.append([*path[path.index(dep):], dep])
            elif dep not in state:
                visit(dep)
        path.pop()
        state[mod] = 2

    for mod in sorted(edges):
        if mod not in state:
            visit(mod)
    return found


def test_parse_package_has_no_import_cycle():
    graph = imports(PARSE, "etl.parse")
    assert len(graph) >= 10  # every module was read
    assert cycles(graph) == []


def test_parse_package_imports_no_private_names():
    assert private_imports(imports(PARSE, "etl.parse")) == []


def test_the_layers_below_import_nothing_above_them():
    graph = imports(PARSE, "etl.parse")
    deps = {mod: {src for src, _ in d} for mod, d in graph.items()}
    assert deps["etl.parse.names"] <= {"etl.parse.vocabulary"}
    assert "etl.parse.lines" not in deps["etl.parse.blocks"] | deps["etl.parse.cleaning"] | deps["etl.parse.units"]
    assert "etl.parse.round_table" not in deps["etl.parse.units"] | deps["etl.parse.blocks"]


def _package(tmp_path: Path, files: dict[str, str]) -> Path:
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    for name, text in files.items():
        (pkg / name).write_text(text, encoding="utf-8")
    return pkg


def test_checker_finds_a_cycle_through_a_lazy_import_and_a_private_name(tmp_path):
    pkg = _package(tmp_path, {
        "__init__.py": "",
        "a.py": "from pkg.b import helper\n",
        "b.py": "def helper():\n    from pkg.c import _SECRET\n    return _SECRET\n",
        "c.py": "from . import a\n_SECRET = 1\n",
    })  # fmt: skip
    graph = imports(pkg, "pkg")
    assert cycles(graph) == [["pkg.a", "pkg.b", "pkg.c", "pkg.a"]]
    assert private_imports(graph) == ["pkg.b imports _SECRET from pkg.c"]


def test_checker_passes_a_one_way_package(tmp_path):
    pkg = _package(tmp_path, {
        "__init__.py": "from pkg.a import top\n",
        "a.py": "from pkg.b import helper\n\ndef top():\n    return helper()\n",
        "b.py": "import re\n\ndef helper():\n    return re\n",
    })  # fmt: skip
    graph = imports(pkg, "pkg")
    assert cycles(graph) == []
    assert private_imports(graph) == []
    assert graph["pkg.a"] == [("pkg.b", "helper")]
