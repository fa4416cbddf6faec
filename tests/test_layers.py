"""How the code is cut: the core knows nothing of drawing, the window knows nothing of the command line.

Read from the source with ``ast`` (every import, also those inside functions), so
a lazy import cannot hide a dependency. See docs/architecture.md.
"""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GAME = ROOT / "game"
UI = GAME / "ui"
SERVER = GAME / "server"
PLAY = GAME / "play"
DRAWING = ("pygame", "pygame_gui")
WEB = ("starlette", "uvicorn", "fastapi", "flask")


def module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")


MODULES = {module_name(p): p for p in sorted(GAME.rglob("*.py"))}


def imports(path: Path) -> set[str]:
    """Every module ``path`` imports (absolute names; relative imports resolved)."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - (node.level - 1)]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            submodules = {f"{mod}.{a.name}" for a in node.names if f"{mod}.{a.name}" in MODULES}
            out |= submodules                # `from game.play import sessions` imports a module
            if len(submodules) < len(node.names):
                out.add(mod)
    return out


def _top(names: set[str]) -> set[str]:
    return {n.split(".")[0] for n in names}


def test_no_module_outside_the_window_imports_pygame():
    for name, path in MODULES.items():
        if path.is_relative_to(UI):
            continue
        assert not _top(imports(path)) & set(DRAWING), f"{name} imports pygame"


def test_the_core_imports_no_web_framework():
    for name, path in MODULES.items():
        if path.is_relative_to(SERVER):
            continue
        assert not _top(imports(path)) & set(WEB), f"{name} imports a web framework"


def test_the_window_does_not_import_the_command_line():
    for name, path in MODULES.items():
        if not path.is_relative_to(UI):
            continue
        bad = {m for m in imports(path) if m == "game.cli" or m.startswith("game.commands")}
        assert not bad, f"{name} imports {sorted(bad)}"


def test_the_application_layer_parses_no_command_line_and_prints_nothing():
    for name, path in MODULES.items():
        if not path.is_relative_to(PLAY):
            continue
        assert "argparse" not in imports(path), name
        tree = ast.parse(path.read_text(encoding="utf-8"))
        calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
                 and n.func.id in ("print", "input")]
        assert not calls, f"{name} line {calls[0].lineno} prints" if calls else ""


def test_no_import_cycles():
    # a module's own packages are initialised before it anyway: that edge is not a dependency
    graph = {name: {m for m in imports(path) if m in MODULES and m != name and not name.startswith(m + ".")}
             for name, path in MODULES.items()}
    index, low, stack, on_stack, cycles = {}, {}, [], set(), []
    counter = [0]

    def visit(v: str) -> None:          # Tarjan's strongly connected components
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 10000))   # the graph is deep, not wide; put the limit back after
    try:
        for v in graph:
            if v not in index:
                visit(v)
    finally:
        sys.setrecursionlimit(limit)
    assert cycles == [], f"import cycles: {cycles}"


def test_playing_in_the_terminal_loads_no_pygame():
    code = ("import sys, io\n"
            "from game.cli import main\n"
            "sys.stdin = io.StringIO('flag 2\\nblock\\n')\n"
            "main(['play', 'first-dm', '--text', '--script', '-', '--no-save'])\n"
            "bad = [m for m in sys.modules if m.split('.')[0] in ('pygame', 'pygame_gui')]\n"
            "assert not bad, bad\n")
    res = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert res.returncode == 0, res.stderr


MAX_LINES = 800


def test_no_module_is_over_800_lines():
    long = {name: n for name, path in MODULES.items()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert long == {}, f"split these modules: {long}"


def test_every_module_opens_with_a_docstring():
    missing = [name for name, path in MODULES.items() if not ast.get_docstring(ast.parse(path.read_text("utf-8")))]
    assert missing == []
