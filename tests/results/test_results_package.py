"""Conventions of the results package: no pygame, a docstring on every module."""

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "game" / "results"
MODULES = sorted(PACKAGE.rglob("*.py"))
OWN_FILES = MODULES + [ROOT / "game" / "commands" / "report.py", ROOT / "game" / "commands" / "forget.py",
                       ROOT / "bench" / "report_scale.py"]


def test_no_module_imports_pygame():
    for path in MODULES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            assert not any(n.split(".")[0] in ("pygame", "pygame_gui") for n in names), path


def test_importing_everything_and_building_a_report_loads_no_pygame():
    # Alembic's scripts (migrations/) run only inside Alembic, not on import.
    modules = [".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__") for p in MODULES
               if "migrations" not in p.parts]
    code = ("import sys\n" + "".join(f"import {m}\n" for m in modules)
            + "from game.results.reports import model, html_report\n"
              "html_report.render(model.build_from([], {}))\n"
              "bad = [m for m in sys.modules if m.split('.')[0] in ('pygame', 'pygame_gui')]\n"
              "assert not bad, bad\n")
    res = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert res.returncode == 0, res.stderr


def test_every_module_opens_with_a_docstring():
    for path in OWN_FILES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        assert ast.get_docstring(tree), f"{path} has no module docstring"
