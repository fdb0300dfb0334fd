from pipeline.evaluation import evaluate, format_report, same_cell

SENTENCE = "Lenalidomide enhances the cytotoxicity of NK cells and T cells."


def claim(drug, cell, direction="increase", doc="d1", sentence=SENTENCE, **extra):
    return {"doc_id": doc, "drug": drug, "drug_norm": drug.lower(), "cell": cell,
            "direction": direction, "sentence": sentence, **extra}


def test_overlapping_cells_match_and_directions_are_strict():
    gold = [claim("Lenalidomide", "NK cells"), claim("Lenalidomide", "T cells")]
    pred = [claim("lenalidomide", "NK"), claim("Lenalidomide", "T cells", "decrease")]
    result = evaluate(gold, pred)
    assert (result.pair.tp, result.pair.fp, result.pair.fn) == (2, 0, 0)
    assert (result.strict.tp, result.strict.fp, result.strict.fn) == (1, 1, 1)
    assert result.errors["wrong direction: increase predicted as decrease"] == 1


def test_each_claim_matches_once():
    gold = [claim("Lenalidomide", "NK cells")]
    pred = [claim("Lenalidomide", "NK cells"), claim("Lenalidomide", "NK cells")]
    result = evaluate(gold, pred)
    assert (result.pair.tp, result.pair.fp) == (1, 1)


def test_a_paragraph_is_not_the_same_sentence():
    paragraph = SENTENCE + " " + " ".join(f"word{k}" for k in range(40))
    result = evaluate([claim("Lenalidomide", "NK cells")],
                      [claim("Lenalidomide", "NK cells", sentence=paragraph)])
    assert result.pair.tp == 0
    assert result.errors["missed: no claim in the sentence"] == 1


def test_error_types():
    gold = [claim("Lenalidomide", "NK cells"), claim("Thalidomide", "T cells")]
    pred = [claim("Lenalidomide", "monocytes"), claim("Lenalidomide", "NK cells", doc="d2")]
    result = evaluate(gold, pred, docs=["d1", "d2"])
    assert result.errors["missed: wrong or missing cell"] == 1
    assert result.errors["missed: wrong or missing drug"] == 1
    assert result.errors["extra: sentence without gold claims"] == 1
    assert "d1" in format_report(result)


def test_cell_words_fallback_when_text_is_not_in_the_sentence():
    gold = claim("X", "regulatory T cells")
    assert same_cell(gold, {"cell": "regulatory T-cell populations"})
    assert not same_cell(gold, {"cell": "B lymphocytes"})
