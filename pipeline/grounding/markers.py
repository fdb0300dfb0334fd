"""Cells named by their surface markers: "CD4+ T cells", "CD56+ cells", "CD4+CD25+ Tregs".

Papers write a marker and a sign before a cell name; the Cell Ontology spells the same
class "CD4-positive, alpha-beta T cell". A marker composition is the set of (marker, sign)
pairs and the class the text names after them (the *base*: T cell, or the generic class for
bare "cells"). Two sources say which class a composition means:

- the Cell Ontology's own labels of the form "<marker>-positive, ... <base>"
  ("CD14-positive monocyte"), parsed when the table is built;
- ``pipeline/ner/data/marker_cells.tsv``, curated for what papers write differently
  ("CD4+ T cells" are alpha-beta T cells; "CD56+ cells" are NK cells).

A composition that no row covers exactly is grounded to the row with the largest subset of
its markers (or to the base itself): the closest class above what the text says.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from pipeline.grounding.ontology import GENERIC_CELL

_NAME = (r"(?:CD\d{1,3}(?:[a-z](?![a-z])|RA|RO|\u03b1|\u03b2)?|FOXP3|FoxP3|Foxp3|HLA-DR|CCR\d{1,2}|CXCR\d|"
         r"NKG2[ACD]|NKp\d{2}|PD-?1|CTLA-?4|TCR\u03b1\u03b2|TCR\u03b3\u03b4|B220|Sca-?1|c-[Kk]it|IgD|IgM|"
         r"Gr-?1|F4/80|Ly6[CG]|NK1\.1|KIR2DL\d|Lin)")
_SIGN = (r"(?:\+\+|\+|\(\s*[+\u2212-]\s*\)|[\u2212\u2013-](?=[\s,/)]|$|CD)|"
         r"(?:[\s-]?(?:hi|high|bright|lo|low|dim|int|neg|pos|positive|negative|intermediate))\b)")
_ONE = rf"{_NAME}{_SIGN}?"
MARKER_EXPRESSION = re.compile(rf"{_ONE}(?:[ /]?{_ONE})*")
_ONE_RE = re.compile(rf"(?P<name>{_NAME})(?P<sign>{_SIGN})?")
_BEFORE = re.compile(rf"(?:{MARKER_EXPRESSION.pattern})[ \u2010\u2011-]?$")
_LABEL = re.compile(r"^(?P<markers>(?:[\w./]+-(?:positive|negative|high|low|bright|dim|intermediate)"
                    r"(?:, | ))+)(?P<rest>[a-z].*)$")
_LABEL_MARKER = re.compile(r"([\w./]+)-(positive|negative|high|low|bright|dim|intermediate)")

_SIGNS = {"+": "+", "pos": "+", "positive": "+", "-": "-", "\u2212": "-", "\u2013": "-",
          "neg": "-", "negative": "-", "++": "high", "hi": "high", "high": "high",
          "bright": "high", "lo": "low", "low": "low", "dim": "low", "int": "int",
          "intermediate": "int"}


@dataclass(frozen=True, order=True)
class Marker:
    name: str
    sign: str = "+"

    def __str__(self) -> str:
        return self.name + self.sign


def marker_name(text: str) -> str:
    """One spelling per marker: upper case, no hyphens ("FoxP3" → FOXP3, "PD-1" → PD1)."""
    return text.upper().replace("-", "").replace("\u03b1", "A").replace("\u03b2", "B")


def sign_of(text: str) -> str:
    cleaned = text.strip(" ()-\u2010\u2011").lower() or text.strip(" ()")
    return _SIGNS.get(cleaned, _SIGNS.get(text.strip(" ()"), "+"))


def parse_markers(text: str) -> tuple[Marker, ...]:
    """The (marker, sign) pairs of a marker expression such as "CD4+CD25high" or "CD3−/CD56+"."""
    return tuple(sorted({Marker(marker_name(m.group("name")), sign_of(m.group("sign") or "+"))
                         for m in _ONE_RE.finditer(text)}))


def markers_before(text: str, end: int, window: int = 80) -> tuple[int, tuple[Marker, ...]] | None:
    """A marker expression that ends at ``end`` (a space or hyphen may separate them):
    its start in ``text`` and its markers, or None."""
    begin = max(0, end - window)
    match = _BEFORE.search(text, begin, end)
    if match is None:
        return None
    start = match.start()
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "+-"):
        return None
    expression = match.group(0)
    # One separator before the cell name: a space ("CD4- T cells": CD4-negative) or a
    # hyphen that joins ("CD4-T cells": CD4, no sign).
    expression = expression[:-1] if expression[-1] in " \u2010\u2011-" else expression
    return start, parse_markers(expression)


def label_composition(label: str) -> tuple[tuple[Marker, ...], str] | None:
    """A CL label's markers and the rest of the label ("CD14-positive monocyte" → CD14+,
    "monocyte"), or None when the label does not start with markers."""
    match = _LABEL.match(label)
    if match is None:
        return None
    markers = tuple(sorted(Marker(marker_name(name), _SIGNS[sign])
                           for name, sign in _LABEL_MARKER.findall(match.group("markers"))))
    return markers, match.group("rest")


@dataclass
class MarkerTable:
    """(markers, base class) → CL class, and the composition rule that reads it."""

    rows: dict[tuple[tuple[Marker, ...], str], str] = field(default_factory=dict)

    def add(self, markers: Iterable[Marker], base: str, cl_id: str, overwrite: bool = False) -> None:
        key = (tuple(sorted(set(markers))), base)
        if overwrite or key not in self.rows:
            self.rows[key] = cl_id

    def compose(self, markers: Iterable[Marker], base: str) -> tuple[str, str]:
        """The class for ``markers`` written before ``base`` and how it matches: ``composed``
        when a row has exactly these markers, ``ancestor`` when only a subset (or none) is
        covered and the class is therefore above what the text says. With no row and a
        generic base, the id is empty: "CD34+ cells" is not grounded to *cell*."""
        wanted = set(markers)
        best: tuple[int, str] | None = None
        for (row_markers, row_base), cl_id in self.rows.items():
            if row_base != base or not set(row_markers) <= wanted:
                continue
            if best is None or len(row_markers) > best[0]:
                best = (len(row_markers), cl_id)
        if best is None:
            return ("", "ancestor") if base == GENERIC_CELL else (base, "ancestor")
        return best[1], "composed" if best[0] == len(wanted) else "ancestor"


def build_marker_table(labels: dict[str, str], curated: Iterable[dict[str, str]],
                       lookup: Callable[[str], str]) -> MarkerTable:
    """Rows parsed from CL labels (``lookup`` gives the CL id of a label's rest), then the
    curated rows, which win."""
    table = MarkerTable()
    for cl_id, label in labels.items():
        parsed = label_composition(label)
        if parsed is None:
            continue
        markers, rest = parsed
        base = lookup(rest)
        if base:
            table.add(markers, base, cl_id)
    for row in curated:
        table.add(parse_markers(row["markers"]), row["base"], row["cl_id"], overwrite=True)
    return table
