"""Shared fixtures: where the evaluation kit and the CLI are.

The kit sits beside the repository (`../shared`); tests that need it skip,
saying so, when it is absent. Nothing from it is copied here.
"""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
SAMPLES = REPO / "assets" / "samples"


def shared_file(relative: str) -> Path:
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"{path} is absent: the evaluation kit is not beside the repository")
    return path


@pytest.fixture(scope="session")
def cli() -> str:
    """The `byline` binary: $BYLINE_BIN, else a build in target/, else PATH."""
    candidates = [os.environ.get("BYLINE_BIN", "")]
    candidates += [str(REPO / "target" / kind / "byline") for kind in ("release", "debug")]
    candidates.append(shutil.which("byline") or "")
    for candidate in candidates:
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    pytest.skip("no byline binary: set BYLINE_BIN or run `cargo build` at the repository root")


def run_cli(cli: str, *paths: Path) -> list:
    """The lines `byline extract` prints for `paths` (its problems aside)."""
    out = subprocess.run([cli, "extract", *map(str, paths)], capture_output=True, text=True,
                         check=False)
    assert out.returncode in (0, 1), out.stderr
    return out.stdout.splitlines()
