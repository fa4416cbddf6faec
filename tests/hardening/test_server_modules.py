"""The class server refuses to start without one of its feature modules (one line, no traceback).

Before: ``_load_modules`` skipped a missing module silently, so a partial copy
of the game served a class server without solo play or class pages.
"""

from __future__ import annotations

import sys

import pytest

from game import cli
from game.library import load_library
from game.server import app as app_module
from game.server.config import ServerConfig


def test_every_listed_module_loads():
    app = app_module.create_app(ServerConfig(library=load_library(), save=False))
    assert [m.__name__ for m in app.state.modules] == list(app_module.ROUTE_MODULES)


def test_a_missing_feature_module_is_a_startup_error():
    modules = app_module.ROUTE_MODULES + ("game.server.no_such_feature",)
    with pytest.raises(app_module.MissingModule) as caught:
        app_module.create_app(ServerConfig(library=load_library(), save=False), modules=modules)
    message = str(caught.value)
    assert "\n" not in message
    assert "game.server.no_such_feature is missing" in message and "reinstall" in message


def test_a_module_needing_a_missing_library_names_the_library(tmp_path, monkeypatch):
    (tmp_path / "needs_lib_feature.py").write_text("import no_such_library_xyz\nroutes = []\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(app_module.MissingModule, match="needs the library no_such_library_xyz"):
        app_module.create_app(ServerConfig(library=load_library(), save=False),
                              modules=("needs_lib_feature",))
    sys.modules.pop("needs_lib_feature", None)


def test_class_command_says_it_in_one_line(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(app_module, "ROUTE_MODULES", app_module.ROUTE_MODULES + ("game.server.gone",))
    code = cli.main(["class", "--data-dir", str(tmp_path), "--no-window", "--port", "0"])
    err = capsys.readouterr().err
    assert code == 2
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert "game.server.gone is missing" in lines[0] and "Traceback" not in err
    assert not (tmp_path / "results.sqlite3").exists()     # refused before the store was touched
