"""pyproject.toml is the one list of dependencies; the requirements files repeat it exactly."""
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _requirements(name: str) -> list[str]:
    out = []
    for line in (ROOT / name).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line and not line.startswith("-r"):
            out.append(line)
    return out


def _norm(spec: str) -> str:
    return re.sub(r"\s+", "", spec).lower().replace("_", "-")


def test_requirements_files_match_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert sorted(map(_norm, _requirements("requirements.txt"))) == sorted(map(_norm, project["dependencies"]))
    assert sorted(map(_norm, _requirements("requirements-dev.txt"))) == \
        sorted(map(_norm, project["optional-dependencies"]["test"]))


def test_the_console_command_is_the_cli():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["scripts"] == {"redflags": "game.cli:main"}
    assert "pygame" not in [_norm(d).split(">")[0].split("=")[0] for d in project["dependencies"]]
