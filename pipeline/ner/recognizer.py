"""Find drug, cell, cell line, disease and gene mentions in a tokenized spaCy Doc.

Matching works on *pieces*: tokens, further split at the hyphens inside them, so that
"rituximab-treated" yields the drug "rituximab" and "NK-mediated" the cell "NK" while the
tokens (and so the parse) stay as the tokenizer made them. At each piece the longest term
wins. Abbreviations defined in the document are expanded before lookup, so "CLL cells" is
looked up as "chronic lymphocytic leukemia cells" and "LEN" as "lenalidomide"; a term that
needs cue words ("rod", "DC") is used only where the document has them.

After the dictionary pass, composition rules build what dictionaries cannot list (the
grounding itself is :class:`pipeline.grounding.cells.CellGrounder`'s): marker-defined cells
("CD4+ T cells", "CD56+ cells"), cells qualified by a disease ("CLL T cells"), populations
named after a disease or a cell line ("CLL cells", "U266 cells"), the modifiers that belong
to a population ("autologous T cells"), and the first conjunct of a coordination, which
borrows the head of the second ("T and NK cells", "rod and cone photoreceptors").

A cell mention keeps two spans: ``start``/``end`` cover the population as the claim rules
use it ("autologous CD8+ T cells"); ``term_start``/``term_end`` the words that name the cell
type and carry the id ("CD8+ T cells"), which is what the entities table reports.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from spacy.attrs import IDX, IS_SPACE, LENGTH
from spacy.tokens import Doc

from pipeline.grounding.cell_lines import cell_line_indices
from pipeline.grounding.cells import POPULATION_HEADS, CellGrounder, Grounding, accepts, cell_modifiers
from pipeline.grounding.context import CellContext, abbreviation_variants, words_of
from pipeline.grounding.markers import Marker, markers_before
from pipeline.grounding.ontology import GENERIC_CELL
from pipeline.grounding.tables import read_tsv
from pipeline.ner.given import given_where_named
from pipeline.ner.lexicons import cell_index, disease_index, drug_index
from pipeline.ner.terms import Concept, FindableKeys, TermIndex, prefix_stable, term_key
from pipeline.resources import DATA_DIR

CELL, CELL_LINE, DRUG, DISEASE, GENE = "CELL", "CELL_LINE", "DRUG", "DISEASE", "GENE"
PLURAL_LABELS = frozenset({CELL, DRUG})
_INNER_SPLIT = re.compile(r"[-\u2010\u2011\u2013\u2014/]")
_CELL_LINE = re.compile(r"^(?:[A-Z][A-Za-z]*(?:-[A-Za-z]+)*-?\d+[A-Za-z0-9.]*|[A-Z]{2,5}\d*|MM\.1S)$")
GENE_SHAPE = re.compile(
    r"^(?:CD\d+[a-zA-Z]?|IL-?\d+[A-Za-z]?|IFN-?[γαβgab]\w*|TNF-?[αa]?|TGF-?[βb]\d?|PD-?L?[12]|"
    r"CTLA-?4|BTK|BCL-?2|MICA|MICB|ULBP-?\d|NKG2D|DNAM-?1|TRAIL|KPNA2|IKZF[13]|CRBN|FoxP3|FOXP3|"
    r"STAT\d[a-z]?|NF-?κB|MYC|TP53|Granzyme|perforin)$"
)
# Words before a cell name that belong to the population (pipeline/ner/data/cell_modifiers.tsv).
CELL_MODIFIERS = frozenset(cell_modifiers())
POPULATION_WORDS = {
    "tumor", "tumour", "cancer", "malignant", "leukemic", "leukaemic", "neoplastic", "leukemia",
    "leukaemia", "lymphoma", "myeloma", "carcinoma", "blast", "target",
}
# "prolymphocytic", "lymphoblastic", "myelomonocytic": a leukemia's lineage, written before it
LINEAGE_ADJECTIVE = re.compile(r"(?:cytic|blastic)$")
CELL_HEADS = {"cell", "cells", "lymphocyte", "lymphocytes", "blasts", "clone", "clones"}
COORDINATION_ONLY = {"t", "b"}
CONJUNCTIONS = {"and", "or", ",", "and/or", "&"}
MAX_TERM_PIECES = 16
MAX_CACHED_WORDS = 100_000
# What "cell-" names when it is not a population: "cell-surface", "cell-cycle", "cell-free"
CELL_PART_WORDS = frozenset({"surface", "cycle", "free", "membrane", "wall", "culture", "type"})
# The pieces a chemical name starts with before a hyphen ("N-alpha-tosyl-L-lysine ...",
# "13-cis-retinoic acid"): locants and stereo descriptors, which leave the compound what it is,
# and substituents, which make it another one.
_DESCRIPTOR = re.compile(
    r"^(?:\d+(?:,\d+)*'*|[A-Za-z]\d*'*|DL|dl|[αβγδεκω]|alpha|beta|gamma|delta|epsilon|kappa|"
    r"omega|cis|trans|tert|sec|iso|all|meso|endo|exo)$")
_SUBSTITUENT = re.compile(
    r"^(?:[a-z]{2,}(?:yl|oxy|amino|amido|imino|hydro|chloro|fluoro|bromo|iodo|nitro|nitroso|"
    r"oxo|thio|keto|azido|cyano|phospho|sulfo)|aza|oxa|thia|di|tri|tetra|bis|tris|nor|homo|"
    r"des|amino|hydroxy|chloro|fluoro|bromo|iodo|nitro|oxo|thio|keto|deoxy|dihydro|dehydro)$",
    re.I)
_HYPHENS = frozenset("-\u2010\u2011")
# The kind of a drug mention widened to a chemical name the dictionary does not have.
CHEMICAL_NAME = "chemical-name"
_ANTIBODY_TARGET = re.compile(
    r"anti-?(?P<target>[^()]+?)\s*(?:\((?P<abbr>[^()]+)\))?\s*(?:monoclonal|blocking|therapeutic)?\s*"
    r"(?:antibod(?:y|ies)|mAbs?|Abs?|MoAbs?)$", re.I)
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
    # The words that name the cell type (markers included, modifiers not); -1: the whole span.
    term_start: int = -1
    term_end: int = -1
    concept: Concept | None = field(default=None, repr=False, compare=False)

    def text(self, doc: Doc) -> str:
        span = doc[self.first_token:self.last_token + 1]
        return span.text[self.start - span.start_char:self.end - span.start_char]

    @property
    def term_span(self) -> tuple[int, int]:
        """(start, end) of the words the id stands for: what the entities table reports."""
        start = self.term_start if self.term_start >= 0 else self.start
        end = self.term_end if self.term_end >= 0 else self.end
        return start, end

    def root(self, doc: Doc) -> int:
        """Index of the mention's syntactic head: the token whose head lies outside it."""
        for i in range(self.last_token, self.first_token - 1, -1):
            head = doc[i].head.i
            if head < self.first_token or head > self.last_token or head == i:
                return i
        return self.last_token

    def apply(self, grounding: Grounding) -> None:
        """Take the norm, ids, match and qualifiers of a cell grounding."""
        self.norm, self.ids, self.match = grounding.norm, grounding.ids, grounding.match
        self.qualifiers.update(dict(grounding.qualifiers))


class Piece(NamedTuple):
    start: int
    end: int
    token: int
    text: str


class Pieces(list):
    """The pieces of a Doc, with the index of the piece starting or ending at an offset."""

    def __init__(self, pieces: Iterable[Piece] = ()) -> None:
        super().__init__(pieces)
        self.by_start = {p.start: k for k, p in enumerate(self)}
        self.by_end = {p.end: k for k, p in enumerate(self)}


def doc_pieces(doc: Doc, text: str | None = None) -> Pieces:
    """Tokens split at inner hyphens and slashes, keeping character offsets. Token offsets
    and lengths come from one array and the texts from ``text`` (the Doc's), which spares
    a Token object per token."""
    text = doc.text if text is None else text
    pieces = []
    for i, (idx, length, is_space) in enumerate(doc.to_array([IDX, LENGTH, IS_SPACE]).tolist()):
        if is_space:
            continue
        word = text[idx:idx + length]
        if length < 3 or _INNER_SPLIT.search(word, 1, length - 1) is None:
            pieces.append(Piece(idx, idx + length, i, word))
            continue
        begin = 0
        for match in _INNER_SPLIT.finditer(word):
            if 0 < match.start() < length - 1:
                if match.start() > begin:
                    pieces.append(Piece(idx + begin, idx + match.start(), i, word[begin:match.start()]))
                begin = match.end()
        if begin < length:
            pieces.append(Piece(idx + begin, idx + length, i, word[begin:]))
    return Pieces(pieces)


class SpanScan:
    """What the dictionary pass asks of every piece, worked out once per Doc: where its
    line ends, which pieces the document's abbreviations expand or leave out, and whether
    the keys of the text's spans grow by prefixes (:func:`prefix_stable`)."""

    def __init__(self, text: str, pieces: list[Piece], context: CellContext, skipped: set[int]) -> None:
        self.text, self.pieces, self.context, self.skipped = text, pieces, context, skipped
        self.stable = prefix_stable(text)
        n = len(pieces)
        self.line_end = [n] * n  # the first piece after a line break that follows piece k
        self.next_special = [n] * (n + 1)  # the first piece from k on that an abbreviation expands
        end = special = n
        for k in range(n - 1, -1, -1):
            self.line_end[k] = end
            if k and "\n" in text[pieces[k - 1].end:pieces[k].start]:
                end = k
            if pieces[k].text in context.abbreviations:
                special = k
            self.next_special[k] = special
        self.sorted_skipped = sorted(skipped)

    def plain(self, i: int, last: int) -> bool:
        """Whether pieces i..last have no abbreviation and no left-out parenthetical inside,
        so that a span's expanded key is its key as written."""
        if self.next_special[i] < last:
            return False
        after = bisect_right(self.sorted_skipped, i)
        return after == len(self.sorted_skipped) or self.sorted_skipped[after] >= last

    def skipped_from(self, j: int) -> bool:
        """Whether a left-out piece lies at ``j`` or after it."""
        return bool(self.sorted_skipped) and self.sorted_skipped[-1] >= j


class Recognizer:
    """Dictionary matching plus composition rules; see the module docstring."""

    def __init__(self, drugs: TermIndex | None = None, cells: TermIndex | None = None,
                 diseases: TermIndex | None = None, grounder: CellGrounder | None = None) -> None:
        diseases = diseases if diseases is not None else disease_index()
        cells = cells if cells is not None else cell_index()
        self.grounder = grounder or CellGrounder(index=cells, diseases=diseases)
        self.lines, lines_alone = cell_line_indices()
        self.indices: list[TermIndex] = [
            cells, drugs if drugs is not None else drug_index(), diseases, lines_alone,
        ]
        self.max_pieces = min(MAX_TERM_PIECES, max(i.max_words for i in self.indices) + 4)
        self._starts: dict[str | tuple[str, str], bool] = {}  # piece (, expansion) → _may_start
        self.findable = FindableKeys(self.indices)

    def __call__(self, doc: Doc, abbreviations: Mapping[str, str] | None = None,
                 cues: Iterable[str] | None = None, lines: Collection[str] = ()) -> list[Mention]:
        """Mentions of ``doc``; ``abbreviations`` are the document's definitions (short →
        long form), ``cues`` its words and two-word phrases (``words_of``; this text's
        when not given) and ``lines`` the names it gave as cell lines in the sections read
        before (:func:`line_names`)."""
        text = doc.text  # computed once: Doc.text joins every token on each access
        pieces = doc_pieces(doc, text)
        words = frozenset(cues) if cues is not None else words_of(text)
        context = CellContext(abbreviation_variants(abbreviations or {}), words)
        mentions = [whole_chemical_name(text, pieces, m)
                    for m in self._dictionary_mentions(text, pieces, context)]
        mentions = antibody_mentions(text, pieces) + code_name_mentions(text, pieces) + mentions
        mentions = self._population_mentions(text, pieces, mentions)
        mentions = [self._extend_cell(text, pieces, m, mentions)
                    if m.label == CELL and m.kind != "adjective" else m
                    for m in mentions]
        mentions += self._coordinated_mentions(text, pieces, mentions, context)
        mentions = resolve_overlaps(mentions)
        mentions += named_lines(doc, mentions, lines)
        mentions += self._gene_mentions(pieces, mentions)
        return sorted(given_where_named(doc, mentions), key=lambda m: (m.start, -m.end))

    # -- dictionary pass -------------------------------------------------------------------
    def _key(self, text: str, pieces: list[Piece], i: int, j: int, context: CellContext,
             skipped: set[int]) -> str:
        parts = []
        for k in range(i, j):
            if k in skipped and i < k < j - 1:
                continue
            if parts:
                parts.append(text[pieces[k - 1].end:pieces[k].start] or "")
            word = pieces[k].text
            parts.append(context.abbreviations.get(word, word))
        return term_key("".join(parts))

    def _lookup(self, key: str, context: CellContext) -> Concept | None:
        for index in self.indices:
            concept = index.lookup(key, PLURAL_LABELS)
            if concept is not None:
                return concept if context.allows(concept.needs) else None
        return None

    def _dictionary_mentions(self, text: str, pieces: list[Piece], context: CellContext) -> list:
        skipped = defined_parentheticals(pieces, context, text)
        scan = SpanScan(text, pieces, context, skipped)
        mentions: list[Mention] = []
        i = 0
        while i < len(pieces):
            word = pieces[i].text
            found = self._longest_term(scan, i) if self._may_start(word, context) else None
            if found is None and word in context.abbreviations:
                found = self._abbreviation_alone(pieces, i, context)
            if found is None:
                i += 1
                continue
            j, concept = found
            mentions.append(self._mention(pieces, i, j, concept))
            i = j
        return mentions

    def _longest_term(self, scan: SpanScan, i: int) -> tuple[int, Concept] | None:
        """The longest term that starts at piece ``i`` (which :meth:`_may_start`)."""
        text, pieces, context = scan.text, scan.pieces, scan.context
        if _ends_a_code(pieces, i):
            return None
        last = min(scan.line_end[i], i + self.max_pieces, len(pieces))
        for j in self._possible_ends(scan, i, last):
            if not _has_alnum(pieces[j - 1].text):
                continue
            if _is_partial_word(text, pieces[i], pieces[j - 1]):
                continue
            concept = self._term_at(text, pieces, i, j, context, scan.skipped)
            if concept is not None:
                return j, concept
        return None

    def _possible_ends(self, scan: SpanScan, i: int, last: int) -> list[int]:
        """The ends ``j`` (longest first, ``i < j <= last``) at which pieces i..j may be a
        term: for every other end, neither key of the span (expanded, as written) is one
        any index can find, so :meth:`_term_at` would find nothing. Spans grow one piece at
        a time only while some findable key still starts with one of their keys; most
        stop after a piece or two, where trying every length up to ``last`` costs a key
        and four lookups each."""
        text, pieces, skipped = scan.text, scan.pieces, scan.skipped
        start = pieces[i].start
        if not scan.stable and not prefix_stable(text[start:pieces[last - 1].end]):
            return list(range(last, i, -1))
        # Without an abbreviation or a left-out parenthetical, both keys are the same.
        plain = scan.plain(i, last)
        if not plain:
            words = [scan.context.abbreviations.get(p.text, p.text) for p in pieces[i:last]]
            chain = [words[0]]  # the expanded key's text, defined parentheticals left out
            for k in range(i + 1, last):
                if k not in skipped:
                    chain += [text[pieces[k - 1].end:pieces[k].start], words[k - i]]
            if not prefix_stable("".join(chain)):
                return list(range(last, i, -1))
            chain_text = words[0]
        ends = []
        raw_alive, chain_alive = True, not plain
        for j in range(i + 1, last + 1):
            k = j - 1
            found = False
            if raw_alive:
                found, raw_alive = self.findable.probe(term_key(text[start:pieces[k].end]))
            if k > i and k in skipped:  # the last piece is kept here, left out of longer spans
                found = found or self.findable.probe(
                    self._key(text, pieces, i, j, scan.context, skipped))[0]
            elif chain_alive:
                if k > i:
                    chain_text += text[pieces[k - 1].end:pieces[k].start] + words[k - i]
                hit, chain_alive = self.findable.probe(term_key(chain_text))
                found = found or hit
            if found:
                ends.append(j)
            if not raw_alive and not chain_alive and not scan.skipped_from(j):
                break
        return ends[::-1]

    def _may_start(self, word: str, context: CellContext) -> bool:
        """Whether a term of any index can start with this piece, as written or expanded:
        it has a letter or digit, and its first word begins a key. Cached per piece (and
        expansion): most pieces are common words asked about in every text."""
        expanded = context.abbreviations.get(word)
        cache_key = word if expanded is None else (word, expanded)
        cached = self._starts.get(cache_key)
        if cached is None:
            if len(self._starts) > MAX_CACHED_WORDS:
                self._starts.clear()
            expanded = word if expanded is None else expanded
            firsts = {term_key(word).split(" ")[0], term_key(expanded).split(" ")[0]}
            cached = _has_alnum(word) and any(
                index.may_start(first) for index in self.indices for first in firsts if first)
            self._starts[cache_key] = cached
        return cached

    def _term_at(self, text: str, pieces: list[Piece], i: int, j: int, context: CellContext,
                 skipped: set[int]) -> Concept | None:
        """The concept of pieces i..j: with the document's abbreviations expanded first
        ("LEN" → lenalidomide), then as written ("CNS neurons" where CNS is defined)."""
        expanded = self._key(text, pieces, i, j, context, skipped)
        raw = term_key(text[pieces[i].start:pieces[j - 1].end])
        for key in dict.fromkeys((expanded, raw)):
            if key in COORDINATION_ONLY:
                continue
            concept = self._lookup(key, context)
            if concept is None or (concept.ids == (GENERIC_CELL,) and concept.label == CELL):
                continue
            if accepts(concept, key, expanded, raw, text[pieces[i].start:pieces[j - 1].end]):
                return concept
        return None

    def _abbreviation_alone(self, pieces: list[Piece], i: int,
                            context: CellContext) -> tuple[int, Concept] | None:
        """A defined short form that names a cell once "cell" is added: "ES" (embryonic
        stem) in "ES clones", "ES-derived"."""
        long_form = context.abbreviations.get(pieces[i].text)
        if long_form is None:
            return None
        concept = self.grounder.lookup(term_key(long_form + " cell"), context)
        if concept is None or concept.ids == (GENERIC_CELL,):
            return None
        return i + 1, concept

    def _mention(self, pieces: list[Piece], i: int, j: int, concept: Concept) -> Mention:
        return Mention(pieces[i].start, pieces[j - 1].end, concept.label, concept.norm, concept.ids,
                       concept.source, concept.match, concept.kind, pieces[i].token,
                       pieces[j - 1].token, concept=concept)

    # -- composition ------------------------------------------------------------------------
    def _population_mentions(self, text: str, pieces: list[Piece], mentions: list[Mention]):
        """'CLL cells', 'tumor cells', 'CD56+ cells', 'U266 cells': populations named by what
        they come from, written before a bare "cells"."""
        covered = {k for m in mentions for k in range(m.start, m.end)}
        by_end = {m.end: m for m in mentions}
        added = []
        for k, piece in enumerate(pieces):
            if piece.text.lower() not in POPULATION_HEADS or piece.start in covered or k == 0 \
                    or _names_a_cell_part(text, pieces, k):
                continue
            named = by_end.get(pieces[k - 1].end)
            if named is not None and named.label == CELL_LINE and \
                    text[named.end:piece.start] in (" ", "-"):
                named.term_start, named.term_end = named.start, named.end
                named.end, named.last_token = piece.end, piece.token
                continue
            line = None if pieces[k - 1].start in covered else self._cell_line_before(text, pieces, k)
            if line is not None:
                added.append(line)
                continue
            mention = self._population(text, pieces, k, by_end)
            if mention is None:
                continue
            line = by_end.get(pieces[_piece_at(pieces, mention.start) - 1].end)
            if line is not None and line.label == CELL_LINE and text[line.end:mention.start] == " ":
                # "U266 MM cells": the line, with the disease population as its qualifier.
                line.qualifiers.update(mention.qualifiers)
                line.term_start, line.term_end = line.start, line.end
                line.end, line.last_token = mention.end, mention.last_token
                continue
            added.append(mention)
        kept = [m for m in mentions
                if not any(a.start <= m.start and m.end <= a.end for a in added)]
        return kept + added

    def _population(self, text: str, pieces: list[Piece], k: int, by_end: dict) -> Mention | None:
        first = k
        disease: Mention | None = None
        words: list[str] = []
        markers: tuple[Marker, ...] = ()
        while first > 0:
            prev = pieces[first - 1]
            if text[prev.end:pieces[first].start] not in ("", " ", "-"):
                break
            other = by_end.get(prev.end)
            if other is not None and other.label == DISEASE and disease is None:
                disease = other
                words.insert(0, text[other.start:other.end].lower())
                first = _piece_at(pieces, other.start)
                continue
            if prev.text.lower() in POPULATION_WORDS:
                words.insert(0, prev.text.lower())
                first -= 1
                continue
            origin = other
            if first < k and first > 1 and LINEAGE_ADJECTIVE.search(prev.text.lower()) and \
                    text[pieces[first - 2].end:prev.start] == " ":
                origin = by_end.get(pieces[first - 2].end)  # "T cell *prolymphocytic* leukemia"
            if first < k and origin is not None and origin.label == CELL and \
                    text[origin.start:origin.end].lower().endswith(("-cell", " cell")):
                # "CD8+ T cell prolymphocytic leukemia cells": the cell of origin names the
                # disease, and the population is the disease's cells
                first = _piece_at(pieces, origin.start)
                found = markers_before(text, pieces[first].start)
                if found is not None and _piece_at(pieces, found[0], -1) >= 0:
                    first = _piece_at(pieces, found[0])
                break
            found = markers_before(text, pieces[first].start)
            if found is not None and first == k and _piece_at(pieces, found[0], -1) >= 0:
                first, markers = _piece_at(pieces, found[0]), found[1]
            break
        if first == k:
            return None
        disease_concept = disease.concept if disease is not None else None
        grounding = self.grounder.compose(None, markers, disease_concept, words=words)
        if grounding is None:
            return None
        mention = Mention(pieces[first].start, pieces[k].end, CELL, "", (), grounding.source,
                          kind="population", first_token=pieces[first].token,
                          last_token=pieces[k].token)
        mention.apply(grounding)
        return mention

    def _cell_line_before(self, text: str, pieces: list[Piece], k: int) -> Mention | None:
        """'U266 cells', 'HL-60 cells': a cell line (from the table, or by its shape) before
        "cells"."""
        for first in range(max(0, k - 3), k):
            if text[pieces[k - 1].end:pieces[k].start] not in (" ", "-"):
                return None
            name = text[pieces[first].start:pieces[k - 1].end]
            concept = self.lines.lookup(term_key(name))
            if concept is None and pieces[first].token == pieces[k - 1].token and \
                    _piece_at(pieces, pieces[first].start, -1) == _token_start(pieces, k - 1) and \
                    _CELL_LINE.match(name) and not GENE_SHAPE.match(name):
                concept = Concept(CELL_LINE, name, (), "pattern", "composed", "line")
            if concept is None or _is_partial_word(text, pieces[first], pieces[k - 1]):
                continue
            return Mention(pieces[first].start, pieces[k].end, CELL_LINE, concept.norm, concept.ids,
                           concept.source, concept.match, "line", pieces[first].token,
                           pieces[k].token, term_start=pieces[first].start,
                           term_end=pieces[k - 1].end)
        return None

    def _extend_cell(self, text: str, pieces: list[Piece], mention: Mention,
                     mentions: list[Mention]) -> Mention:
        """Take in markers, modifiers and a disease qualifier written before a cell name,
        and ground the whole."""
        by_end = {m.end: m for m in mentions if m is not mention}
        first = _piece_at(pieces, mention.start)
        if mention.kind == "population":
            return self._take_modifiers(text, pieces, mention, first, by_end)
        markers: tuple[Marker, ...] = ()
        modifiers: list[str] = []
        disease: Concept | None = None
        mention.term_start, mention.term_end = mention.start, mention.end
        while first > 0:
            prev = pieces[first - 1]
            if text[prev.end:pieces[first].start] not in ("", " ", "-"):
                break
            other = by_end.get(prev.end)
            if other is not None and other.label == DISEASE and disease is None:
                disease = other.concept
                first = _piece_at(pieces, other.start)
                continue
            if other is not None:
                break
            found = markers_before(text, pieces[first].start) if not markers else None
            if found is not None and _piece_at(pieces, found[0], -1) >= 0:
                markers, first = found[1], _piece_at(pieces, found[0])
                if not modifiers and disease is None:
                    mention.term_start = pieces[first].start
                continue
            if prev.text.lower() in CELL_MODIFIERS:
                modifiers.insert(0, prev.text)
                first -= 1
                continue
            break
        grounding = self.grounder.compose(mention.concept, markers, disease, modifiers)
        if grounding is not None:
            mention.apply(grounding)
        mention.start = pieces[first].start
        mention.first_token = pieces[first].token
        return mention

    def _take_modifiers(self, text: str, pieces: list[Piece], mention: Mention, first: int,
                        by_end: dict) -> Mention:
        """A population already grounded ("CLL cells") takes in the modifiers before it
        ("primary CLL cells") without changing its id."""
        mention.term_start, mention.term_end = mention.start, mention.end
        while first > 0 and pieces[first - 1].text.lower() in CELL_MODIFIERS and \
                text[pieces[first - 1].end:pieces[first].start] in ("", " ", "-") and \
                pieces[first - 1].end not in by_end:
            first -= 1
        mention.start, mention.first_token = pieces[first].start, pieces[first].token
        return mention

    def _coordinated_mentions(self, text: str, pieces: list[Piece], mentions: list[Mention],
                              context: CellContext) -> list[Mention]:
        """The conjuncts before "and" in "X and Y cells" borrow the head of the last: "T and
        NK cells" → T cell, "inner and outer hair cells" → inner hair cell, and so do those of
        a list written with commas ("CD4+, CD8+ and NK cells")."""
        covered = {k for m in mentions for k in range(m.start, m.end)}
        added = []
        for mention in mentions:
            if mention.label != CELL or mention.kind == "adjective":
                continue
            first = _piece_at(pieces, mention.term_span[0])
            conjunctions = CONJUNCTIONS
            while (found := self._conjunct_before(text, pieces, mention, first, conjunctions,
                                                  covered, context)) is not None:
                added.append(found)
                covered.update(range(found.start, found.end))
                first, conjunctions = _piece_at(pieces, found.start), frozenset({","})
        return added

    def _conjunct_before(self, text: str, pieces: list[Piece], mention: Mention, first: int,
                         conjunctions: frozenset[str], covered: set[int],
                         context: CellContext) -> Mention | None:
        """The conjunct written before piece ``first`` across one of ``conjunctions``, as a
        cell when it names one with the head of ``mention``."""
        term_end = mention.term_span[1]
        head_first = _piece_at(pieces, mention.term_span[0])
        last = _piece_at(pieces, term_end, -1, end=True)
        if first < 2 or last < head_first or pieces[first - 1].text.lower() not in conjunctions:
            return None
        conjunct = pieces[first - 2]
        if conjunct.start in covered:
            return None
        word = conjunct.text.rstrip("-\u2010\u2011")
        start = conjunct
        if conjunct.text in {"+", "\u207a"} and first >= 3 and pieces[first - 3].end == conjunct.start:
            start = pieces[first - 3]  # "CD4+ and CD8+ T cells": the marker with its sign
            word = text[start.start:conjunct.end]
            if start.start in covered:
                return None
        for k in range(head_first + 1, last + 1):
            phrase = f"{word} {text[pieces[k].start:term_end]}"
            grounding = self.grounder.ground(phrase, context, strict=True)
            if grounding is None or not grounding.ids:
                continue
            found = Mention(start.start, start.start + len(word), CELL, "", (), grounding.source,
                            kind="conjunct", first_token=start.token, last_token=conjunct.token)
            found.apply(grounding)
            return found
        return None

    def _gene_mentions(self, pieces: list[Piece], mentions: list[Mention]) -> list[Mention]:
        covered = {k for m in mentions for k in range(m.start, m.end)}
        return [Mention(p.start, p.end, GENE, p.text, (), "pattern", "pattern", "",
                        p.token, p.token)
                for p in pieces if GENE_SHAPE.match(p.text) and p.start not in covered]


# Words before "cell" that make the next name a tumour cell line's: "liver cancer cell Bel-7402"
LINE_POPULATIONS = POPULATION_WORDS | {"hepatoma", "melanoma", "glioma", "sarcoma", "adenocarcinoma",
                                       "neuroblastoma", "osteosarcoma", "epithelial", "endothelial"}


def _names_a_cell_part(text: str, pieces: list[Piece], k: int) -> bool:
    """'AIM/CD69 *cell-surface* expression', 'the *cell-cycle*': "cell" is part of a word for
    a part or a state of cells, not a population's head."""
    return k + 1 < len(pieces) and text[pieces[k].end:pieces[k + 1].start] == "-" and \
        pieces[k + 1].text.lower() in CELL_PART_WORDS


def _is_line_name(text: str) -> bool:
    """Shaped like a cell line's name, with a digit ("Bel-7402", "SK-HEP-1"), and not like a
    gene's ("IL-2", "CD4")."""
    return any(c.isdigit() for c in text) and bool(_CELL_LINE.match(text)) and \
        not GENE_SHAPE.match(text)


def named_lines(doc: Doc, mentions: list[Mention], known: Collection[str] = ()) -> list[Mention]:
    """Cell lines named without a "cells" after them. A name shaped like a line right after
    "cell line" or a tumour population's "cell" is one ("the hepatoma cell line SK-HEP-1",
    "liver cancer cell Bel-7402"; :func:`pipeline.ner.component.join_line_appositions` then
    makes each one population), and so is every other mention of a name the document gives as
    a line, there or in ``known`` ("FPC could induce Bel-7402 apoptosis"). Dictionaries and
    models miss such names, and a model may read the bare name as a gene."""
    covered = {i for m in mentions for i in range(m.first_token, m.last_token + 1)}
    free = [t for t in doc if t.i not in covered and _is_line_name(t.text)]
    named = {t.i for t in free if _follows_a_line_word(t)}
    names = set(known) | line_names(doc.text, mentions) | {doc[i].text for i in named}
    return [Mention(t.idx, t.idx + len(t), CELL_LINE, t.text, (), "pattern", "composed", "line",
                    t.i, t.i)
            for t in free if t.i in named or t.text in names]


def _follows_a_line_word(token) -> bool:
    """'cell line SK-HEP-1', 'liver cancer cell Bel-7402' (not 'T cells ERK1')."""
    before = token.doc[token.i - 1] if token.i > 0 else None
    return before is not None and bool(before.whitespace_) and (
        before.lower_ in {"line", "lines"} or (
            before.lower_ in {"cell", "cells"} and before.i > 0
            and token.doc[before.i - 1].lower_ in LINE_POPULATIONS))


def line_names(text: str, mentions: Iterable[Mention]) -> set[str]:
    """The names of the cell lines among ``mentions`` that are shaped like lines ("HT-29" of
    "HT-29 cells", "Bel-7402"): what :func:`named_lines` looks for elsewhere. A model's line
    is not taken on its word alone ("Glut-1")."""
    names = set()
    for mention in mentions:
        if mention.label == CELL_LINE and mention.kind != "model":
            start, end = mention.term_span
            if _is_line_name(text[start:end]):
                names.add(text[start:end])
    return names


def whole_chemical_name(text: str, pieces: Pieces, mention: Mention) -> Mention:
    """A drug the dictionary finds at the end of a longer chemical name written with hyphens
    ("N-alpha-tosyl-L-lysine chloromethyl ketone" holds "L-lysine") covers the whole name.
    Locants and stereo descriptors before it ("N-", "L-", "13-cis-") leave the compound what
    the dictionary says; a substituent ("tosyl-", "methyl-") makes it another, which the
    dictionary does not have: the mention then keeps no id (kind :data:`CHEMICAL_NAME`, which
    yields to a model's reading of the whole name, :mod:`pipeline.ner.merge`)."""
    k = _piece_at(pieces, mention.start, -1)
    if mention.label != DRUG or k <= 0:
        return mention
    first = _token_start(pieces, k)
    before = pieces[first:k]
    if not before or any(text[a.end:b.start] not in _HYPHENS
                         for a, b in zip(before, pieces[first + 1:k + 1], strict=True)):
        return mention
    if not all(_DESCRIPTOR.match(p.text) or _SUBSTITUENT.match(p.text) for p in before):
        return mention
    mention.start = pieces[first].start
    if any(_SUBSTITUENT.match(p.text) and not _DESCRIPTOR.match(p.text) for p in before):
        name = text[mention.start:mention.end]
        mention.norm, mention.ids, mention.source = name.lower(), (), "pattern"
        mention.match, mention.kind, mention.concept = "none", CHEMICAL_NAME, None
    return mention


def defined_parentheticals(pieces: list[Piece], context: CellContext,
                           text: str | None = None) -> set[int]:
    """Indices of the pieces of "(ES)" after the long form it abbreviates, so that
    "embryonic stem (ES) cells" is looked up as "embryonic stem cells"; with ``text``, also a
    short form of several pieces ("cyclooxygenase-2 (COX-2) inhibitors")."""
    skipped: set[int] = set()
    for k in range(1, len(pieces) - 1):
        if pieces[k - 1].text != "(":
            continue
        if pieces[k + 1].text == ")" and pieces[k].text in context.abbreviations:
            skipped.update((k - 1, k, k + 1))
            continue
        if text is None:
            continue
        close = next((j for j in range(k + 1, min(k + 6, len(pieces)))
                      if pieces[j].text == ")"), None)
        if close is not None and close > k + 1 and \
                text[pieces[k].start:pieces[close - 1].end] in context.abbreviations:
            skipped.update(range(k - 1, close + 1))
    return skipped


# "Antibodies to PA-1", "a neutralizing antibody against TNF-alpha": the target after the
# noun, written as a symbol (a capital or a digit in it)
_ANTIBODY_TO = re.compile(
    r"(?<![\w-])(?:(?:[Mm]onoclonal|[Nn]eutrali[sz]ing|[Bb]locking)\s+)?[Aa]ntibod(?:y|ies)"
    r"\s+(?:to|against)\s+(?P<target>(?=[\w\u2010\u2013-]*[A-Z0-9])[A-Za-z0-9][\w\u2010\u2013-]*"
    r"[A-Za-z0-9])")


# Research compounds named by a company's or an institute's code: "SB 203580", "U0126",
# "GF109203X", "Ro 31-8220", "BAY 11-7082", "WY 14,643", "SP600125", "AG-490". Only these
# prefixes, with four digits or more (two, a hyphen and three or more; three for AG and
# MK), so that gene symbols ("CD34", "PD-1", "SP140"), cell lines ("U937", "K562") and
# residues ("Y292") stay what they are.
_CODE_NAME = re.compile(
    r"(?<![\w\u2010\u2013-])(?:(?:AG|MK)[ -]?\d{3,}|"
    r"(?:AZD|BAY|BMS|CGP|CHIR|CP|GF|GW|JNJ|LY|NSC|PD|PF|Ro|SB|SCH|SP|SQ|SR|SU|TAK|U|WAY|WY|Y|"
    r"YM|ZD|ZM)[ -]?(?:\d{2}[-,]\d{3,4}|\d{4,}[A-Z]?))(?![\w\u2010\u2013-])")
# ... unless cells follow: "SU 8686 cells" would be a line
_CELLS_AFTER = re.compile(r"\s*(?:cells?|line|lines)\b", re.IGNORECASE)


def _piece_matches(pattern: re.Pattern, text: str,
                   pieces: Pieces) -> Iterator[tuple[re.Match, Piece, Piece]]:
    """The matches of ``pattern`` in ``text`` that start and end on piece boundaries, with
    their first and last piece (a match inside a word names nothing)."""
    for match in pattern.finditer(text):
        first, last = pieces.by_start.get(match.start()), pieces.by_end.get(match.end())
        if first is not None and last is not None:
            yield match, pieces[first], pieces[last]


def code_name_mentions(text: str, pieces: Pieces) -> list[Mention]:
    """Research compounds written as codes (:data:`_CODE_NAME`), which dictionaries and the
    models often miss: "the p38 inhibitor SB 203580", "U0126 blocked ERK activation"."""
    found = []
    for match, first, last in _piece_matches(_CODE_NAME, text, pieces):
        if _CELLS_AFTER.match(text, match.end()):
            continue
        norm = re.sub(r"[\s,\u2010\u2013-]", "", match.group(0)).upper()
        # a name without an id, which a model's longer reading ("Tyrphostin AG-490") takes
        found.append(Mention(match.start(), match.end(), DRUG, norm, (), "pattern", "pattern",
                             CHEMICAL_NAME, first.token, last.token))
    return found


def antibody_mentions(text: str, pieces: Pieces) -> list[Mention]:
    """'anti-PD-1 antibody', 'anti-CD20 monoclonal antibodies', 'antibodies to PA-1':
    biologics named by their target, typed as drug classes (many antibodies share a
    target)."""
    readings: list[tuple[re.Pattern, Callable[[re.Match], str]]] = [
        (_ANTIBODY, lambda match: antibody_norm(match.group(0))),
        (_ANTIBODY_TO, lambda match: antibody_class(match.group("target"))),
    ]
    return [Mention(match.start(), match.end(), DRUG, norm(match), (), "pattern", "pattern",
                    "class", first.token, last.token)
            for pattern, norm in readings
            for match, first, last in _piece_matches(pattern, text, pieces)]


def antibody_class(target: str) -> str:
    """The class of the antibodies to ``target``: "anti-pd-1 antibodies"."""
    target = antibody_targets().get(term_key(target), target)
    return f"anti-{target.lower()} antibodies"


def antibody_norm(text: str) -> str:
    """One name per target: "anti-CD3 Ab", "anti-CD3 monoclonal antibody" → "anti-cd3
    antibodies"; "anti-programmed death-1 (PD-1) antibody" → "anti-pd-1 antibodies"."""
    match = _ANTIBODY_TARGET.match(text)
    if match is None:
        return re.sub(r"\s+", " ", text.lower())
    return antibody_class(match.group("abbr") or re.sub(r"\s+", " ", match.group("target")))


@lru_cache(maxsize=1)
def antibody_targets() -> dict[str, str]:
    return {term_key(row["written"]): row["target"]
            for row in read_tsv(DATA_DIR / "antibody_targets.tsv")}


def _piece_at(pieces: list[Piece], offset: int, default: int = 0, end: bool = False) -> int:
    """Index of the piece that starts (or, with ``end``, ends) at ``offset``."""
    if isinstance(pieces, Pieces):
        return (pieces.by_end if end else pieces.by_start).get(offset, default)
    for k, piece in enumerate(pieces):
        if (piece.end if end else piece.start) == offset:
            return k
    return default


def _token_start(pieces: list[Piece], k: int) -> int:
    """Index of the first piece of the token that piece ``k`` belongs to."""
    while k > 0 and pieces[k - 1].token == pieces[k].token:
        k -= 1
    return k


@lru_cache(maxsize=1 << 14)
def _has_alnum(text: str) -> bool:
    """Whether a piece has a letter or digit: a term neither starts nor ends at "(" or "–"."""
    return any(c.isalnum() for c in text)


def _ends_a_code(pieces: list[Piece], i: int) -> bool:
    """'1A9-M cells': a single capital after a hyphen ends a code with a digit in it (a cell
    line's name), it is not the "M" of M cells; "CD4-T cells" keeps its T cells."""
    piece = pieces[i]
    if i == 0 or len(piece.text) != 1 or not piece.text.isupper():
        return False
    before = pieces[i - 1]
    return before.token == piece.token and any(ch.isdigit() for ch in before.text) and \
        not before.text.upper().startswith("CD")


def _is_partial_word(text: str, first: Piece, last: Piece) -> bool:
    """A match must not start or end inside a word (only at token or hyphen boundaries)."""
    before = text[first.start - 1:first.start] if first.start else ""
    after = text[last.end:last.end + 1]
    return before.isalnum() or after.isalnum()


LABEL_PRIORITY = {CELL: 0, CELL_LINE: 0, DRUG: 1, DISEASE: 2, GENE: 3}


def resolve_overlaps(mentions: Iterable[Mention]) -> list[Mention]:
    """One rule for overlaps: the longer mention wins; on a tie, CELL > DRUG > DISEASE > GENE."""
    ranked = sorted(mentions, key=lambda m: (-(m.end - m.start), LABEL_PRIORITY[m.label], m.start))
    kept: list[Mention] = []
    for mention in ranked:
        if all(mention.end <= k.start or k.end <= mention.start for k in kept):
            kept.append(mention)
    return sorted(kept, key=lambda m: m.start)
