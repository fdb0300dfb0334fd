"""Sentence boundaries that respect biomedical writing.

Runs first, before the models, and presets boundaries the parser then keeps: a line break
starts a sentence (titles, headings and list items are not run together), and abbreviations
that end in a period ("e.g.", "i.e.", "Fig.", "et al.", "vs.") or an open parenthesis never
end one. scispaCy's tokenizer keeps the period of a mixed-case word or unit ("NaF.", "mV.",
"microg/mL.") on the word, as if it were an abbreviation; before a capitalised word that
period ends the sentence, so it is split off ("the activity of NaF. NaF and ..." is two
sentences), as it is at the end of a text or a line ("treated with CsA."). Split before the
tagger and the parser, the period is a period to them too. A compound's letter with its
period ("herbimycin A. The ...") ends the sentence too, kept as one token. So does a '.',
'!' or '?' of its own before a capitalised word or a figure panel's label ("(A)"), whatever
the parser would say. Everywhere else a sentence may only start after a '.', '!' or '?': the
parser decides there, and nowhere else, so every parser (ours, a CRAFT-trained one,
scispaCy's) cuts a text nearly the same way ("Results: Both drugs ..." stays one sentence).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

NO_BREAK_AFTER = {"e.g.", "i.e.", "fig.", "figs.", "al.", "vs.", "cf.", "approx.", "ca.",
                  "resp.", "no.", "ref.", "refs.", "eq.", "sp.", "spp.", "dr.", "drs.", "prof.",
                  "st.", "inc.", "ltd.", "co.", "corp.", "jr.", "mr.", "mrs.", "ms.", "nos.",
                  "var.", "subsp.", "ed.", "eds.", "vol.", "pp.", "et."}
# A word with its sentence-final period attached: "NaF.", "mV.", "Ca2+.", "microg/mL." (not
# "U.S.", "J.").
_WORD_WITH_PERIOD = re.compile(r"^[A-Za-z][A-Za-z0-9+\-/]*[A-Za-z0-9+]\.$")


# A sentence end followed by a citation number: "(CLL).1", "cells.12,13", "(n = 3).4"
_CITATION_END = re.compile(r"[A-Za-z)\]]\.\d+(?:[,\u2013-]\d+)*$")


# A compound's letter with the period attached: "herbimycin A.", "vitamin D.", "kinase C."
_LETTER_WITH_PERIOD = re.compile(r"^[A-Z]\.$")


def _is_compound_letter(token) -> bool:
    """'herbimycin A.', 'cyclosporin A.': a lone capital letter with its period after a
    lower-case word names a compound and ends the sentence; an initial ("J. Smith") follows
    a capitalised word or a short one ("by J. Smith")."""
    previous = token.doc[token.i - 1] if token.i > 0 else None
    return bool(_LETTER_WITH_PERIOD.match(token.text)) and previous is not None and \
        previous.text.isalpha() and previous.text.islower() and len(previous.text) > 2


def _ends_a_sentence(token) -> bool:
    """Whether a word's attached period ends its sentence: it is the text's last word, or a
    line break or a capitalised word follows ("treated with CsA." at the end of an abstract)."""
    if token.i == len(token.doc) - 1:
        return True
    following = token.doc[token.i + 1]
    return following.is_space or (following.text[:1].isupper() and bool(token.whitespace_))


# A short form in brackets joined to the suffix after it: "Phytohemagglutinin (PHA)-induced",
# "tumor necrosis factor (TNF-alpha)- and PMA-induced". The GENIA treebank, which the parser
# learnt from, writes "(", "PHA", ")", "-induced"; scispaCy's tokenizer keeps one token, which
# hides the short form from the abbreviation detector and the drug from the rules.
# Only an adjective or participle suffix is split off: "(NF)-kappa B" is a name.
_BRACKETED_PREFIX = re.compile(r"^\(([^()\s]*[A-Za-z][^()\s]*)\)"
                               r"(-[a-z]+(?:ed|ing|ent|ant|ive|ible|able|like|free|specific)|-)$")


def _pieces(token) -> list[str] | None:
    """The tokens one scispaCy token should be: "NaF." → "NaF", "."; "(PHA)-induced" →
    "(", "PHA", ")", "-induced"; None to keep it."""
    if _WORD_WITH_PERIOD.match(token.text) and token.lower_ not in NO_BREAK_AFTER and \
            _ends_a_sentence(token):
        return [token.text[:-1], "."]
    if (match := _BRACKETED_PREFIX.match(token.text)) is not None and (
            match.group(2) != "-" or (token.i + 1 < len(token.doc) and
                                      token.doc[token.i + 1].lower_ in {"and", "or"})):
        # "(TNF-alpha)- and PMA-induced": a bare hyphen only when held open for a suffix
        return ["(", match.group(1), ")", match.group(2)]
    return None


def split_joined_tokens(doc: Doc) -> Doc:
    """'NaF.' before a capitalised word becomes 'NaF' + '.', and '(PHA)-induced' four tokens
    (see the module docstring and ``_BRACKETED_PREFIX``)."""
    splits = {token.i: pieces for token in doc if (pieces := _pieces(token)) is not None}
    if splits:
        tensor = doc.tensor
        with doc.retokenize() as retokenizer:
            for i, pieces in splits.items():
                token = doc[i]
                retokenizer.split(token, pieces, heads=[(token, len(pieces) - 1)] * len(pieces))
        if tensor is not None and tensor.size:
            doc.tensor = _split_rows(tensor, {i: len(pieces) for i, pieces in splits.items()})
    return doc


def _split_rows(tensor, split: dict[int, int]):
    """The tok2vec rows of a doc after the ``split`` tokens became that many pieces: every
    piece keeps its token's row. spaCy's retokenizer leaves one row too many per split, and
    the parser, which reads ``doc.tensor``, then takes every later doc of its batch one token
    off."""
    rows = [i for i in range(len(tensor)) for _ in range(split.get(i, 1))]
    return tensor[rows]


SENTENCE_END_CHARS = ".!?"


def _may_end_a_sentence(token) -> bool:
    """Only a word ending in '.', '!' or '?' (or a closing quote after one) may end a
    sentence; elsewhere the parser is not allowed to start one ("Results: Both ...")."""
    return token.text[-1:] in SENTENCE_END_CHARS or token.text in {'"', "'", "”"}


def _opens_a_panel_label(token) -> bool:
    """'(A)', '(B,C)', '(1)': a figure panel's label opening a legend's sentence."""
    doc = token.doc
    return token.text == "(" and token.i + 2 < len(doc) and doc[token.i + 2].text == ")" and \
        len(doc[token.i + 1].text) <= 3 and doc[token.i + 1].text[:1].isalnum()


def set_sentence_starts(doc: Doc) -> Doc:
    depth = 0
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if previous.text == "." and token.text[:1].isupper() and token.i >= 2 and \
                _WORD_WITH_PERIOD.match(doc[token.i - 2].text + "."):
            token.is_sent_start = True  # the period split off "NaF."
            continue
        if _is_compound_letter(previous) and token.text[:1].isupper():
            # Kept whole ("A." as one token): splitting a lone letter off its period makes
            # the parser read the period as a sentence of its own.
            token.is_sent_start = True
            depth = 0
            continue
        if _CITATION_END.search(previous.text) and token.text[:1].isupper():
            token.is_sent_start = True  # "(CLL).1 The homology": a citation ends the sentence
            depth = 0
            continue
        if previous.text in "([":
            depth += 1
        elif previous.text in ")]" and depth:
            depth -= 1
        if previous.text in SENTENCE_END_CHARS and previous.whitespace_ and depth == 0 and \
                previous.i >= 1 and doc[previous.i - 1].lower_ not in NO_BREAK_AFTER and \
                (token.text[:1].isupper() or _opens_a_panel_label(token)):
            # "... tumor-cell rejection. (A) Incubation", "... cells. The": a period of its own
            # before a capital or a panel label ends the sentence, whatever the parser says
            token.is_sent_start = True
            continue
        if previous.is_space and "\n" in previous.text:
            token.is_sent_start = True
            depth = 0
        elif "\n" in previous.whitespace_ or (previous.is_space and previous.text.count("\n")):
            token.is_sent_start = True
        elif previous.lower_ in NO_BREAK_AFTER or depth > 0 or \
                not _may_end_a_sentence(previous):
            token.is_sent_start = False
    return doc


@Language.component("biomedical_sentences")
def biomedical_sentences(doc: Doc) -> Doc:
    return set_sentence_starts(split_joined_tokens(doc))
