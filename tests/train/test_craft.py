"""Unit tests for pipeline.train.craft on small hand-written CRAFT-style CoNLL-U snippets."""

from __future__ import annotations

from pathlib import Path

import conllu
import pytest
import spacy

from pipeline.train.conllu import sentences_to_doc
from pipeline.train.craft import (
    GENIA_LABELS,
    ConversionError,
    Stats,
    Tree,
    check_tree,
    convert_sentence,
    genia_tag,
    merge_to_tokenizer,
    read_craft,
    total_variation,
    tree_from_tokenlist,
)

CRAFT_DIR = Path("/work/shared/corpora/craft/structural-annotation/dependency/conllu")


def make_tree(rows: str) -> Tree:
    """Rows of ``form tag head label`` (1-based heads, 0 = root), space-separated."""
    lines = []
    for n, row in enumerate(rows.strip().splitlines(), start=1):
        form, tag, head, label = row.split()
        lines.append(f"{n}\t{form}\t{form.lower()}\t_\t{tag}\t_\t{head}\t{label}\t_\t_")
    return tree_from_tokenlist(conllu.parse("\n".join(lines) + "\n\n")[0])


def converted(rows: str) -> list[tuple[str, str, str]]:
    """Convert ``rows``; return ``(word, head word or ROOT, label)`` per token."""
    tree = convert_sentence(make_tree(rows))
    return [
        (w, "ROOT" if h < 0 else tree.words[h], d)
        for w, h, d in zip(tree.words, tree.heads, tree.deps, strict=True)
    ]


def test_prep_pobj_becomes_case_and_nmod() -> None:
    result = converted(
        """
        IL-2 NN 2 nsubj
        binds VBZ 0 root
        to IN 2 prep
        the DT 5 det
        receptor NN 3 pobj
        . . 2 punct
        """
    )
    assert result == [
        ("IL-2", "binds", "nsubj"),
        ("binds", "ROOT", "ROOT"),
        ("to", "receptor", "case"),
        ("the", "receptor", "det"),
        ("receptor", "binds", "nmod"),
        (".", "binds", "punct"),
    ]


def test_prep_tag_to_becomes_TO() -> None:
    tree = convert_sentence(make_tree("binds VBZ 0 root\nto IN 1 prep\nDNA NN 2 pobj"))
    assert tree.tags == ["VBZ", "TO", "NN"]
    assert genia_tag("-", "HYPH") == ":"
    assert genia_tag("%", "SYM") == "NN"


def test_nested_prepositions_attach_to_the_promoted_object() -> None:
    result = converted(
        """
        expression NN 0 root
        of IN 1 prep
        genes NNS 2 pobj
        in IN 3 prep
        cells NNS 4 pobj
        """
    )
    assert result[2] == ("genes", "expression", "nmod")
    assert result[3] == ("in", "cells", "case")
    assert result[4] == ("cells", "genes", "nmod")


def test_nn_and_craft_nmod_become_compound_or_amod() -> None:
    result = converted(
        """
        Dazap1 NN 4 nmod
        intronic JJ 4 nmod
        mouse NN 4 nn
        sequences NNS 0 root
        """
    )
    assert [label for _, _, label in result] == ["compound", "amod", "compound", "ROOT"]


def test_possessive() -> None:
    result = converted(
        """
        the DT 2 det
        cell NN 4 poss
        's POS 2 possessive
        nucleus NN 0 root
        """
    )
    assert result[1] == ("cell", "nucleus", "nmod:poss")
    assert result[2] == ("'s", "cell", "case")


def test_relative_clause_and_relativizer() -> None:
    result = converted(
        """
        cells NNS 0 root
        that WDT 3 dep
        express VBP 1 relcl
        CD4 NN 3 dobj
        """
    )
    assert result[1] == ("that", "express", "nsubj")
    assert result[2] == ("express", "cells", "acl:relcl")


def test_gerund_pcomp_becomes_advcl_with_mark() -> None:
    result = converted(
        """
        IL-2 NN 2 nsubj
        acts VBZ 0 root
        by IN 2 prep
        activating VBG 3 pcomp
        STAT5 NN 4 dobj
        """
    )
    assert result[2] == ("by", "activating", "mark")
    assert result[3] == ("activating", "acts", "advcl")
    assert result[4] == ("STAT5", "activating", "dobj")


def test_two_word_preposition_becomes_case_and_mwe() -> None:
    result = converted(
        """
        loss VBZ 0 root
        due IN 1 prep
        to TO 2 pcomp
        mutation NN 2 pobj
        """
    )
    assert result[1] == ("due", "mutation", "case")
    assert result[2] == ("to", "due", "mwe")
    assert result[3] == ("mutation", "loss", "nmod")


def test_coordinated_prepositions() -> None:
    result = converted(
        """
        found VBN 0 root
        in IN 1 prep
        nuclei NNS 2 pobj
        and CC 2 cc
        in IN 2 conj
        cytoplasm NN 5 pobj
        """
    )
    assert result[2] == ("nuclei", "found", "nmod")
    assert result[3] == ("and", "nuclei", "cc")
    assert result[4] == ("in", "cytoplasm", "case")
    assert result[5] == ("cytoplasm", "nuclei", "conj")


def test_in_vivo() -> None:
    result = converted("occurs VBZ 0 root\nin FW 1 prep\nvivo FW 2 pobj")
    assert result[1:] == [("in", "vivo", "compound"), ("vivo", "occurs", "advmod")]


def test_copula_is_inverted() -> None:
    result = converted(
        """
        p53 NN 2 nsubj
        is VBZ 0 root
        not RB 2 neg
        essential JJ 2 acomp
        for IN 2 prep
        growth NN 5 pobj
        . . 2 punct
        """
    )
    assert result == [
        ("p53", "essential", "nsubj"),
        ("is", "essential", "cop"),
        ("not", "essential", "neg"),
        ("essential", "ROOT", "ROOT"),
        ("for", "growth", "case"),
        ("growth", "essential", "nmod"),
        (".", "essential", "punct"),
    ]


def test_copula_with_nominal_predicate_under_a_clause() -> None:
    result = converted(
        """
        we PRP 2 nsubj
        show VBP 0 root
        that IN 5 mark
        X NN 5 nsubj
        is VBZ 2 ccomp
        a DT 7 det
        kinase NN 5 attr
        """
    )
    assert result[4] == ("is", "kinase", "cop")
    assert result[6] == ("kinase", "show", "ccomp")
    assert result[2] == ("that", "kinase", "mark")
    assert result[3] == ("X", "kinase", "nsubj")


def test_existential_keeps_be_as_head() -> None:
    result = converted(
        """
        There EX 2 expl
        was VBD 0 root
        no DT 4 det
        difference NN 2 attr
        """
    )
    assert result[1] == ("was", "ROOT", "ROOT")
    assert result[3] == ("difference", "was", "nsubj")


def test_other_labels_are_mapped_into_genia_set() -> None:
    rows = """
        approximately RB 2 quantmod
        40 CD 3 nummod
        mice NNS 5 nsubjpass
        were VBD 5 auxpass
        treated VBN 0 root
        daily RB 5 npadvmod
        to TO 8 aux
        test VB 5 advcl
        ( -LRB- 11 punct
        unpublished JJ 11 amod
        data NNS 5 meta
        ) -RRB- 11 punct
        """
    tree = convert_sentence(make_tree(rows))
    assert set(tree.deps) <= GENIA_LABELS
    assert tree.deps[0] == "advmod"
    assert tree.deps[5] == "nmod:npmod"
    assert tree.deps[6] == "mark"
    assert tree.deps[10] == "dep"


def test_chained_conjuncts_and_coordinators_attach_to_the_first_conjunct() -> None:
    result = converted(
        """
        IL-2 NN 0 root
        , , 1 punct
        IL-4 NN 1 conj
        , , 3 punct
        and CC 3 cc
        IL-6 NN 3 conj
        """
    )
    assert result == [
        ("IL-2", "ROOT", "ROOT"),
        (",", "IL-2", "punct"),
        ("IL-4", "IL-2", "conj"),
        (",", "IL-2", "punct"),
        ("and", "IL-2", "cc"),
        ("IL-6", "IL-2", "conj"),
    ]


def test_both_brackets_attach_to_the_enclosed_head() -> None:
    result = converted(
        """
        we PRP 2 nsubj
        tested VBD 0 root
        the DT 4 det
        protein NN 2 dobj
        ( -LRB- 6 punct
        RFP NN 4 appos
        ) -RRB- 2 punct
        """
    )
    assert result[4] == ("(", "RFP", "punct")
    assert result[6] == (")", "RFP", "punct")


def test_merge_hyphenated_tokens_to_tokenizer() -> None:
    tree = make_tree(
        """
        wild JJ 3 amod
        - HYPH 3 punct
        type NN 4 compound
        mice NNS 0 root
        """
    )
    tree.spaces = [False, False, True, False]
    convert_sentence(tree)

    def tokenize(text: str) -> list[tuple[int, int]]:
        assert text == "wild-type mice"
        return [(0, 9), (10, 14)]

    stats = Stats()
    merge_to_tokenizer(tree, tokenize, stats)
    assert tree.words == ["wild-type", "mice"]
    assert tree.tags == ["JJ", "NNS"]
    assert tree.heads == [1, -1]
    assert tree.deps == ["amod", "ROOT"]
    assert stats.merged_tokens == 3


def test_check_tree_rejects_bad_trees() -> None:
    good = make_tree("a DT 2 det\nb NN 0 root")
    check_tree(good)
    two_roots = make_tree("a NN 0 root\nb NN 0 root")
    with pytest.raises(ConversionError):
        check_tree(two_roots)
    crossing = make_tree("a NN 3 dep\nb NN 0 root\nc NN 2 dep\nd NN 2 dep")
    with pytest.raises(ConversionError):
        check_tree(crossing)


def test_spaces_from_craft_reach_the_doc() -> None:
    tree = convert_sentence(make_tree("IL-2 NN 2 nsubj\nbinds VBZ 0 root\n. . 2 punct"))
    tree.spaces = [True, False, False]
    doc = sentences_to_doc(spacy.blank("en").vocab, [tree.to_sentence()])
    assert doc.text == "IL-2 binds."
    assert doc[1].dep_ == "ROOT"


def test_total_variation() -> None:
    assert total_variation({"a": 1.0}, {"a": 1.0}) == 0.0
    assert total_variation({"a": 1.0}, {"b": 1.0}) == 1.0


@pytest.mark.shared
@pytest.mark.skipif(not CRAFT_DIR.exists(), reason="CRAFT corpus not available")
def test_real_craft_article_converts_into_genia_labels() -> None:
    first = sorted(CRAFT_DIR.glob("*.conllu"))[:1]
    stats = Stats()
    sentences = [s for _, paragraph in read_craft(first, stats=stats) for s in paragraph]
    assert sentences and stats.kept >= 0.99 * stats.sentences
    assert {dep for s in sentences for dep in s.deps} <= GENIA_LABELS
    assert all(sum(h == i for i, h in enumerate(s.heads)) == 1 for s in sentences)
