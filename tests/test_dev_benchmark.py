"""Accuracy on the dev gold set in ../shared (skipped where ../shared is absent)."""

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from tests.conftest import SHARED, needs_shared


@needs_shared
@pytest.mark.shared
def test_example_document_pair_f1(tmp_path):
    out = tmp_path / "dev"
    result = CliRunner().invoke(app, ["run", str(SHARED / "claims/dev/docs"), "--sections", "all",
                                      "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    score = subprocess.run(
        [sys.executable, str(SHARED / "claims/score.py"), str(SHARED / "claims/dev/gold.jsonl"),
         str(out / "claims.jsonl"), "--json", "--docs=ramsay-2009-haematologica"],
        capture_output=True, text=True, check=True)
    assert json.loads(score.stdout)["pair"]["f1"] >= 0.85
