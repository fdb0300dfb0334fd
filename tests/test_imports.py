"""What starts fast: the CLI and the runner import spaCy only when a document is annotated
(a re-run from the cache, `--help` and `info` never load it)."""

import subprocess
import sys

from tests.conftest import ROOT


def test_the_cli_and_the_runner_do_not_import_spacy():
    code = ("import sys, pipeline.cli, pipeline.engine.runner, pipeline.engine.store, "
            "pipeline.models; sys.exit('spacy' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=False).returncode == 0
