"""Find drug, cell, disease and gene mentions in a tokenized spaCy Doc.

Matching works on *pieces*: tokens, further split at the hyphens inside them, so that
"rituximab-treated" yields the drug "rituximab" and "NK-mediated" the cell "NK" while the
tokens (and so the parse) stay as the tokenizer made them. At each piece the longest term
wins. Abbreviations defined in the document are expanded before lookup, so "CLL cells" is
looked up as "chronic lymphocytic leukemia cells".

After the dictionary pass, composition rules build what dictionaries cannot list:
marker-defined cells ("CD4+ T cells"), cells qualified by a disease ("CLL T cells"),
populations named after a disease or a cell line ("CLL cells", "U266 cells"), and the
modifiers that belong to a population ("autologous T cells").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from spacy.tokens import Doc

from pipeline.ner.lexicons import cell_index, disease_index, drug_index
from pipeline.ner.terms import Concept, TermIndex, term_key

CELL, CELL_LINE, DRUG, DISEASE, GENE = "CELL", "CELL_LINE", "DRUG", "DISEASE", "GENE"
PLURAL_LABELS = frozenset({CELL, DRUG})
_INNER_SPLIT = re.compile(r"[-\u2010\u2011\u2013\u2014/]")
_MARKER = re.compile(
    r"^(?:CD\d+[a-zA-Z]?(?:\(?[+-]\)?)?|HLA-?DR|FoxP3|FOXP3|CCR\d+|CXCR\d+|NKG2D|KIR\d*|PD-?1)$"
)
_MARKER_SIGN = re.compile(r"^(?:\+|-|\(\+\)|\(-\)|\(\s*\+\s*\)|hi|high|lo|low|bright|dim|neg|pos)$")
_CELL_LINE = re.compile(r"^(?:[A-Z][A-Za-z]*\d+[A-Za-z0-9.]*|[A-Z]{2,5}\d*|MM\.1S|MCF-?7|HL-?60|THP-?1)$")
_GENE = re.compile(
    r"^(?:CD\d+[a-zA-Z]?|IL-?\d+[A-Za-z]?|IFN-?[γαβgab]\w*|TNF-?[αa]?|TGF-?[βb]\d?|PD-?L?[12]|"
    r"CTLA-?4|BTK|BCL-?2|MICA|MICB|ULBP-?\d|NKG2D|DNAM-?1|TRAIL|KPNA2|IKZF[13]|CRBN|FoxP3|FOXP3|"
    r"STAT\d[a-z]?|NF-?κB|MYC|TP53|Granzyme|perforin)$"
)
CELL_MODIFIERS = {
    "autologous", "allogeneic", "allogenic", "primary", "human", "murine", "mouse", "normal",
    "healthy", "resting", "activated", "naive", "naïve", "memory", "mature", "immature",
    "peripheral", "circulating", "regulatory", "cytotoxic", "effector", "malignant", "leukemic",
    "leukaemic", "neoplastic", "cultured", "isolated", "purified", "donor", "patient",
    "patient-derived", "tumor-infiltrating", "infiltrating", "functional", "cd3+", "blood",
    "bone", "marrow", "splenic", "stromal", "myeloid", "lymphoid", "antigen-specific",
    "tumor-specific", "by-standing", "bystanding", "helper", "target", "residual", "viable",
}
POPULATION_WORDS = {
    "tumor", "tumour", "cancer", "malignant", "leukemic", "leukaemic", "neoplastic", "leukemia",
    "leukaemia", "lymphoma", "myeloma", "carcinoma", "blast", "target",
}
CELL_HEADS = {"cell", "cells", "lymphocyte", "lymphocytes", "blasts", "clone", "clones"}
COORDINATION_ONLY = {"t", "b"}
MAX_TERM_PIECES = 16
GENERIC_CELL_IDS = {("CL:0000000",)}
_ANTIBODY = re.compile(
    r"(?<![\w-])anti-?[A-Za-z0-9][\w\u2010\u2013-]*(?:\s+(?:death|ligand|receptor)[\w-]*)?"
    r"(?:\s*\([^()\n]{1,20}\))?(?:\s+(?:monoclonal|blocking|therapeutic))?"
    r"\s+(?:antibod(?:y|ies)|mAbs?|Abs?|MoAbs?)\b"
)


@dataclass
class Mention:
    """An entity mention; ``start``/``end`` are character offsets in the Doc's text."""

    start: int
    end: int
    label: str
    norm: str
    ids: tuple[str, ...] = ()
    source: str = ""
    match: str = "exact"
    kind: str = ""
    first_token: int = 0
    last_token: int = 0
    qualifiers: dict[str, str] = field(default_factory=dict)

    def text(self, doc: Doc) -> str:
        span = doc[self.first_token:self.last_token + 1]
        return span.text[self.start - span.start_char:self.end - span.start_char]

    def root(self, doc: Doc) -> int:
        """Index of the mention's syntactic head: the token whose head lies outside it."""
        for i in range(self.last_token, self.first_token - 1, -1):
            head = doc[i].head.i
            if head < self.first_token or head > self.last_token or head == i:
                return i
        return self.last_token


@dataclass(frozen=True)
class Piece:
    start: int
    end: int
    token: int
    text: str


def doc_pieces(doc: Doc) -> list[Piece]:
    """Tokens split at inner hyphens and slashes, keeping character offsets."""
    pieces = []
    for token in doc:
        if token.is_space:
            continue
        begin = 0
        text = token.text
        for match in _INNER_SPLIT.finditer(text):
            if 0 < match.start() < len(text) - 1:
                if match.start() > begin:
                    pieces.append(Piece(token.idx + begin, token.idx + match.start(), token.i,
                                        text[begin:match.start()]))
                begin = match.end()
        if begin < len(text):
            pieces.append(Piece(token.idx + begin, token.idx + len(text), token.i, text[begin:]))
    return pieces


class Recognizer:
    """Dictionary matching plus composition rules; see the module docstring."""

    def __init__(self, drugs: TermIndex | None = None, cells: TermIndex | None = None,
                 diseases: TermIndex | None = None) -> None:
        self.indices: list[TermIndex] = [
            cells if cells is not None else cell_index(),
            drugs if drugs is not None else drug_index(),
            diseases if diseases is not None else disease_index(),
        ]
        self.max_pieces = min(MAX_TERM_PIECES, max(i.max_words for i in self.indices) + 4)

    def __call__(self, doc: Doc, abbreviations: Mapping[str, str] | None = None) -> list[Mention]:
        pieces = doc_pieces(doc)
        text = doc.text  # computed once: Doc.text joins every token on each access
        abbreviations = dict(abbreviations or {})
        mentions = self._dictionary_mentions(text, pieces, abbreviations)
        mentions = antibody_mentions(text, pieces) + mentions
        mentions = self._population_mentions(text, pieces, mentions)
        mentions = [self._extend_cell(text, pieces, m, mentions) if m.label == CELL else m
                    for m in mentions]
        mentions = resolve_overlaps(mentions)
        mentions += self._gene_mentions(pieces, mentions)
        return sorted(mentions, key=lambda m: (m.start, -m.end))

    # -- dictionary pass -------------------------------------------------------------------
    def _key(self, text: str, pieces: list[Piece], i: int, j: int, abbreviations: dict) -> str:
        parts = []
        for k in range(i, j):
            if k > i:
                parts.append(text[pieces[k - 1].end:pieces[k].start])
            word = pieces[k].text
            parts.append(abbreviations.get(word, word))
        return term_key("".join(parts))

    def _lookup(self, key: str) -> Concept | None:
        for index in self.indices:
            concept = index.lookup(key, PLURAL_LABELS)
            if concept is not None:
                return concept
        return None

    def _dictionary_mentions(self, text: str, pieces: list[Piece], abbreviations: dict) -> list:
        mentions: list[Mention] = []
        i = 0
        while i < len(pieces):
            found = None
            last = i + 1
            while last < min(len(pieces), i + self.max_pieces):
                if "\n" in text[pieces[last - 1].end:pieces[last].start]:
                    break
                last += 1
            for j in range(last, i, -1):
                key = self._key(text, pieces, i, j, abbreviations)
                concept = self._lookup(key)
                if concept is None:
                    continue
                if key in COORDINATION_ONLY and not _in_cell_coordination(pieces, j):
                    continue
                if concept.label == CELL and concept.ids in GENERIC_CELL_IDS:
                    continue
                if _is_partial_word(text, pieces[i], pieces[j - 1]):
                    continue
                found = (j, concept)
                break
            if found is None:
                i += 1
                continue
            j, concept = found
            mentions.append(_mention(pieces, i, j, concept))
            i = j
        return mentions

    # -- composition ------------------------------------------------------------------------
    def _population_mentions(self, text: str, pieces: list[Piece], mentions: list[Mention]):
        """'CLL cells', 'tumor cells', 'U266 cells': populations named by what they come from."""
        covered = {k for m in mentions for k in range(m.start, m.end)}
        by_end = {m.end: m for m in mentions}
        added = []
        for k, piece in enumerate(pieces):
            if piece.text.lower() not in CELL_HEADS or piece.start in covered or k == 0:
                continue
            first = k
            qualifiers: dict[str, str] = {}
            ids: tuple[str, ...] = ()
            norm_words: list[str] = []
            while first > 0:
                prev = pieces[first - 1]
                gap = text[prev.end:pieces[first].start]
                if gap not in ("", " ", "-"):
                    break
                disease = by_end.get(prev.end)
                if disease is not None and disease.label == DISEASE:
                    qualifiers.setdefault("disease", disease.norm)
                    if disease.kind and not ids:
                        ids = (disease.kind,)
                    norm_words.insert(0, disease.norm)
                    first = _piece_at(pieces, disease.start)
                    continue
                word = prev.text.lower()
                if word in POPULATION_WORDS:
                    norm_words.insert(0, word)
                    first -= 1
                    continue
                if first == k and _CELL_LINE.match(prev.text) and not _GENE.match(prev.text):
                    added.append(Mention(prev.start, piece.end, CELL_LINE, prev.text,
                                         (), "pattern", "composed", "line",
                                         prev.token, piece.token))
                    first = -1
                break
            if first < 0 or first == k:
                continue
            norm = " ".join(norm_words) + " cell"
            mention = Mention(pieces[first].start, piece.end, CELL, norm, ids, "pattern",
                              "composed", "population", pieces[first].token, piece.token,
                              qualifiers)
            added.append(mention)
        kept = [m for m in mentions
                if not any(a.start <= m.start and m.end <= a.end for a in added)]
        return kept + added

    def _extend_cell(self, text: str, pieces: list[Piece], mention: Mention,
                     mentions: list[Mention]) -> Mention:
        """Take in markers, modifiers and a disease qualifier written before a cell name."""
        by_end = {m.end: m for m in mentions if m is not mention}
        first = _piece_at(pieces, mention.start)
        markers: list[str] = []
        while first > 0:
            prev = pieces[first - 1]
            gap = text[prev.end:pieces[first].start]
            if gap not in ("", " ", "-"):
                break
            other = by_end.get(prev.end)
            if other is not None and other.label == DISEASE:
                mention.qualifiers.setdefault("disease", other.norm)
                first = _piece_at(pieces, other.start)
                continue
            if other is not None:
                break
            marker_at = _marker_before(pieces, first)
            if marker_at is not None:
                markers.insert(0, pieces[marker_at].text.rstrip("+-()"))
                first = marker_at
                continue
            if prev.text.lower() in CELL_MODIFIERS:
                first -= 1
                continue
            break
        if markers:
            mention.qualifiers["markers"] = " ".join(markers)
            _compose_marker_cell(mention, markers)
        mention.start = pieces[first].start
        mention.first_token = pieces[first].token
        return mention

    def _gene_mentions(self, pieces: list[Piece], mentions: list[Mention]) -> list[Mention]:
        covered = {k for m in mentions for k in range(m.start, m.end)}
        return [Mention(p.start, p.end, GENE, p.text, (), "pattern", "pattern", "",
                        p.token, p.token)
                for p in pieces if _GENE.match(p.text) and p.start not in covered]


def antibody_mentions(text: str, pieces: list[Piece]) -> list[Mention]:
    """'anti-PD-1 antibody', 'anti-CD20 monoclonal antibodies': biologics named by target."""
    starts = {p.start: p for p in pieces}
    ends = {p.end: p for p in pieces}
    found = []
    for match in _ANTIBODY.finditer(text):
        first, last = starts.get(match.start()), ends.get(match.end())
        if first is None or last is None:
            continue
        norm = re.sub(r"\s+", " ", match.group(0).lower())
        found.append(Mention(match.start(), match.end(), DRUG, norm, (), "pattern", "pattern",
                             "antibody", first.token, last.token))
    return found


def _mention(pieces: list[Piece], i: int, j: int, concept: Concept) -> Mention:
    return Mention(pieces[i].start, pieces[j - 1].end, concept.label, concept.norm, concept.ids,
                   concept.source, concept.match, concept.kind, pieces[i].token,
                   pieces[j - 1].token)


SIGN_PIECES = {"+", "-", "(", ")", "(+)", "(-)", "+)", "-)"}


def _marker_before(pieces: list[Piece], first: int) -> int | None:
    """Index of a marker ("CD8", "CD4+") written just before piece ``first``, signs and
    parentheses included ("CD8(+)"), or None."""
    k = first - 1
    while k >= 0 and (pieces[k].text in SIGN_PIECES or _MARKER_SIGN.match(pieces[k].text)):
        k -= 1
    if k >= 0 and _MARKER.match(pieces[k].text):
        return k
    return None


def _piece_at(pieces: list[Piece], start: int) -> int:
    for k, piece in enumerate(pieces):
        if piece.start == start:
            return k
    return 0


def _is_partial_word(text: str, first: Piece, last: Piece) -> bool:
    """A match must not start or end inside a word (only at token or hyphen boundaries)."""
    before = text[first.start - 1:first.start] if first.start else ""
    after = text[last.end:last.end + 1]
    return before.isalnum() or after.isalnum()


def _in_cell_coordination(pieces: list[Piece], j: int) -> bool:
    """A bare 'T' or 'B' only as in 'T and NK cells', 'B- and T-cells'."""
    window = [p.text.lower() for p in pieces[j:j + 5]]
    return bool(window) and window[0] in {"and", "or", ","} and any(
        w in CELL_HEADS for w in window[1:]
    )


def _compose_marker_cell(mention: Mention, markers: list[str]) -> None:
    """'CD4+ T cells' is the CL class 'CD4-positive, alpha-beta T cell'."""
    if mention.norm != "T cell" and "T cell" not in mention.norm:
        return
    upper = {m.upper() for m in markers}
    if "CD4" in upper and "CD8" not in upper:
        mention.norm, mention.ids = "CD4-positive, alpha-beta T cell", ("CL:0000624",)
        mention.match = "composed"
    elif "CD8" in upper and "CD4" not in upper:
        mention.norm, mention.ids = "CD8-positive, alpha-beta T cell", ("CL:0000625",)
        mention.match = "composed"


LABEL_PRIORITY = {CELL: 0, CELL_LINE: 0, DRUG: 1, DISEASE: 2, GENE: 3}


def resolve_overlaps(mentions: Iterable[Mention]) -> list[Mention]:
    """One rule for overlaps: the longer mention wins; on a tie, CELL > DRUG > DISEASE > GENE."""
    ranked = sorted(mentions, key=lambda m: (-(m.end - m.start), LABEL_PRIORITY[m.label], m.start))
    kept: list[Mention] = []
    for mention in ranked:
        if all(mention.end <= k.start or k.end <= mention.start for k in kept):
            kept.append(mention)
    return sorted(kept, key=lambda m: m.start)
