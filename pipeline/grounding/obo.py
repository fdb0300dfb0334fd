"""A small reader for OBO ontologies (the Cell Ontology): terms, synonyms, is_a."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

_SYNONYM = re.compile(r'^synonym: "(?P<text>(?:[^"\\]|\\.)*)" (?P<scope>EXACT|NARROW|BROAD|RELATED)')


@dataclass
class OboTerm:
    id: str
    name: str = ""
    synonyms: list[tuple[str, str]] = field(default_factory=list)  # (text, scope)
    parents: list[str] = field(default_factory=list)
    obsolete: bool = False


def read_obo(path: Path) -> Iterator[OboTerm]:
    """Yield the ``[Term]`` stanzas of an OBO file, with their synonyms and is_a parents."""
    term: OboTerm | None = None
    in_term = False
    with open(path, encoding="utf-8") as handle:
        for raw in handle:
            line = raw.rstrip("\n")
            if line.startswith("["):
                if term is not None:
                    yield term
                term, in_term = None, line == "[Term]"
                continue
            if not in_term:
                continue
            if line.startswith("id: "):
                term = OboTerm(id=line[4:].strip())
            elif term is None:
                continue
            elif line.startswith("name: "):
                term.name = line[6:].strip()
            elif match := _SYNONYM.match(line):
                term.synonyms.append((match.group("text").replace('\\"', '"'), match.group("scope")))
            elif line.startswith("is_a: "):
                term.parents.append(line[6:].split("!")[0].strip())
            elif line.startswith("is_obsolete: true"):
                term.obsolete = True
    if term is not None:
        yield term
