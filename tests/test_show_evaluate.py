"""The show and evaluate commands."""

import json

from typer.testing import CliRunner

from pipeline.cli import EXIT_USAGE, app
from tests.conftest import EXAMPLE

runner = CliRunner()


def test_show_explains_each_claim():
    result = runner.invoke(app, ["show", str(EXAMPLE), "--explain"])
    assert result.exit_code == 0, result.output
    assert "NK cells" in result.output and "rule treatment" in result.output
    assert "path: lenalidomide -nmod-> pre-incubation" in result.output
    assert "7 claims" in result.output
    # Regression: rich read "[increase, asserted]" as a markup tag and printed nothing.
    assert "[increase, asserted]" in result.output


def test_show_missing_file_is_a_usage_error(tmp_path):
    result = runner.invoke(app, ["show", str(tmp_path / "none.txt")])
    assert result.exit_code == EXIT_USAGE


def test_evaluate_scores_and_breaks_down(tmp_path):
    gold = tmp_path / "gold.jsonl"
    pred = tmp_path / "pred.jsonl"
    sentence = "Lenalidomide enhances NK cells."
    gold.write_text(json.dumps({"doc_id": "d", "drug": "Lenalidomide", "drug_norm": "lenalidomide",
                                "cell": "NK cells", "direction": "increase",
                                "sentence": sentence}) + "\n")
    pred.write_text(json.dumps({"doc_id": "d", "drug": "lenalidomide", "drug_norm": "lenalidomide",
                                "cell": "NK cells", "direction": "decrease",
                                "sentence": sentence}) + "\n")
    result = runner.invoke(app, ["evaluate", str(gold), str(pred), "--json"])
    data = json.loads(result.output)
    assert data["pair"]["f1"] == 1.0 and data["strict"]["f1"] == 0.0
    assert data["errors"] == {"wrong direction: increase predicted as decrease": 1}
