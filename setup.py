"""Build hook: the installed package carries the bundled scenarios and assets.

Authors edit ``scenarios/`` and ``assets/`` at the top of the repository; a
built package copies them to ``game/_bundled/`` so ``redflags`` finds them
from any working directory (``game/paths.py`` looks there first). Everything
else about the package is in pyproject.toml.
"""
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

BUNDLED = ("scenarios", "assets")


class BuildWithContent(build_py):
    def run(self) -> None:
        super().run()
        for name in BUNDLED:
            target = Path(self.build_lib) / "game" / "_bundled" / name
            shutil.copytree(name, target, dirs_exist_ok=True,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))


setup(cmdclass={"build_py": BuildWithContent})
