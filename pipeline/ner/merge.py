"""Merge the neural models' spans with the lexicon mentions: one rule, written once.

The models type spans with their corpus's labels; each maps to one of ours
(:data:`MODEL_LABELS`): CHEMICAL and SIMPLE_CHEMICAL are drugs, CELL_TYPE and CELL are
cells, CELL_LINE a cell line, DISEASE and CANCER diseases, genes and proteins genes. The
types we do not use (ORGAN, TISSUE, ORGANISM, ...) map to ``OTHER``: they still vote.

**The rule.**

1. A lexicon mention always stands: it carries an ontology id, the composition rules
   (markers, populations, coordination) and the document's abbreviations. Model spans that
   overlap a lexicon mention are dropped. The one exception is a chemical name the
   dictionary does not have, read from the piece of it that it does ("N-alpha-tosyl-L-lysine"
   of "N-alpha-tosyl-L-lysine chloromethyl ketone", :func:`pipeline.ner.recognizer.whole_chemical_name`):
   it yields to a model's longer chemical span over it, and stands if the vote gives nothing.
2. The other model spans that overlap one another form a group, and the models vote: each
   model votes once, for the label it gave. The label with the most votes wins; on a tie,
   the label of the longest span ("Bruton's tyrosine kinase", a gene, over the chemical
   "tyrosine" inside it), then CELL > CELL_LINE > OTHER > DRUG > DISEASE > GENE: a model
   that types a span as something we do not use ("chromatin", a cellular component) outweighs
   a lone chemical reading. The longest span with the winning label becomes the mention;
   an ``OTHER`` win leaves no mention. So "VEGF", a chemical to the BC5CDR model but a gene
   to the two others, is a gene. A short form in capitals that the document does not define
   ("ADCC", "TCR", "McCAR") needs two models' votes to be a drug.

A mention a model found says so in ``source`` (``ner-joint.bc5cdr``, ``ner-bc5cdr``, ...; the
first model or head, in pipeline order, that gave the winning span) and is grounded where the
text allows: a cell phrase through the Cell Ontology grounder ("activated Jurkat T cells" → T cell,
``match: ancestor``), a drug name through the drug dictionary; else it keeps no id
(``match: none``).

After the vote, the short form of a drug the text defines ("20-Hydroxyeicosatetraenoic acid
(20-HETE)", the drug mention being the whole long form) is that drug wherever no other
mention covers it, and a drug mention of the short form takes the long form's name and ids
unless the dictionary grounds it on its own (:func:`short_form_drugs`). "LONG (SHORT)"
defines SHORT when Schwartz & Hearst's test says so or, where that test cannot tell (the
formula "sodium fluoride (NaF)"), when SHORT is shaped like a short form and a model tags it
as a drug too or it has two capitals (:func:`defines`). The definitions carry over to the
sections read after (``DocumentContext.drug_definitions``): a "NaF" in a figure legend is the
abstract's sodium fluoride.

Before the vote, a drug span that runs into a participle ("Con A-activated mouse",
"LPS-induced") is read as the agent before the hyphen ("Con A"; :func:`without_participle`),
which the claim rules then read as "X-activated"; the reading may end inside a token, as a
lexicon drug does in "rituximab-treated". A name with a protein head ("AMP-activated protein
kinase") is not cut. Then spans that cannot be what their label says are left out
(:func:`admissible`):

- a span needs two letters ("A." is a figure panel); drugs, cells and diseases must contain
  a noun ("antitumor" is no cancer, nor is it a disease when a tagger reads it as a noun),
  and no verb (a word with an object: "and restrains
  angiogenesis"); nothing is a unit ("mumol/L", "U/mL", "mg/kg"); a span that leaves a
  bracket open takes the ")" that follows ("sialyl Lewis(x)");
- not drugs: the chemicals the drug lexicon leaves out on purpose (solvents, cytokines
  measured rather than given: ``drug_stoplist.tsv``; those it marks ``given`` are drugs where
  the text gives them, "ethanol-induced", :mod:`pipeline.ner.given`); radioactive or fluorescent tracers
  ("[3H]thymidine", "dextran-FITC") and dyes ("propidium iodide"); a protein name ending in
  "kinase", "receptor", ...; a span with a bare number ("cpm vs. 220571"); a chemical that
  names another agent ("a reactive oxygen species scavenger"); a short form whose long form,
  where the document defines it, holds no drug or chemical ("ADCC", antibody-dependent cellular cytotoxicity);
  a concentration in brackets ("[Ca2+]i", and the "Ca2" a model cuts from "[Ca2+]"); an
  activity named by its verbal noun ("tobacco smoking"); a mouse strain or MHC haplotype
  ("C57BL/10SnJ", "H-2k"); a word an English prefix makes ("co-operate"); a duration
  ("Ten-day");
- a bare outcome word ("death", "injury", "toxicity") is not a disease: in "inhibits
  leukocyte death" it is what happens to the cells;
- a bare "cells" is left to the claim rules, which resolve it to the population it refers
  to; a model cell must name a cell (a head such as "cells", "lymphocytes", "spheroids"), be
  grounded in the Cell Ontology as written, or be a cell line shaped like one ("SKOV3",
  "HT-1080"; not a gene name such as "PD-1"); a "line" names cells with a word that says so
  ("T-cell line", "HL-60 line") or in a text that speaks of cells ("B-lymphoid lines"), not in
  "the intravenous line" of an anaesthesia report.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from scispacy.abbreviation import find_abbreviation
from spacy.tokens import Doc, Span

from pipeline.context import DrugDefinition
from pipeline.grounding.cells import CellGrounder
from pipeline.grounding.context import CellContext
from pipeline.grounding.drugs import ground_drug
from pipeline.ner.given import named_as_given
from pipeline.ner.lexicons import drug_stoplist, given_agents, is_endogenous
from pipeline.ner.neural import model_spans
from pipeline.ner.recognizer import (
    CELL,
    CELL_LINE,
    CHEMICAL_NAME,
    DISEASE,
    DRUG,
    GENE,
    GENE_SHAPE,
    Mention,
)
from pipeline.ner.terms import term_key

OTHER = "OTHER"
MODEL_LABELS: Mapping[str, str] = {
    "CHEMICAL": DRUG,
    "SIMPLE_CHEMICAL": DRUG,
    "CELL_TYPE": CELL,
    "CELL": CELL,
    "CELL_LINE": CELL_LINE,
    "DISEASE": DISEASE,
    "CANCER": DISEASE,
    "GENE_OR_GENE_PRODUCT": GENE,
    "PROTEIN": GENE,
    "DNA": GENE,
    "RNA": GENE,
}
VOTE_PRIORITY = {CELL: 0, CELL_LINE: 1, OTHER: 2, DRUG: 3, DISEASE: 4, GENE: 5}
MODEL_MATCH = "none"
# Outcomes that BC5CDR annotates as diseases; alone, in "inhibits leukocyte death", they
# are what happens to the cells, not a disease naming them.
OUTCOME_WORDS = frozenset({"death", "deaths", "injury", "injuries", "damage", "toxicity",
                           "toxicities", "necrosis", "apoptosis", "cytotoxicity",
                           # how cells respond to a drug, not a disease
                           "sensitivity", "chemosensitivity", "radiosensitivity", "resistance",
                           "chemoresistance", "radioresistance", "drug resistance"})
GENERIC_CELL_WORDS = frozenset({"cell", "cells", "cellular"})
ANTI_ADJECTIVE = re.compile(r"^anti-?[a-z]+$", re.IGNORECASE)
# Inbred mouse strains and MHC haplotypes, which a model may read as chemicals:
# "C57BL/10SnJ", "BALB/cByJ", "C3HeB/FeJ", "H-2k".
STRAIN = re.compile(r"^(?:C57BL|C57|BALB|C3H|DBA|CBA|SJL|NOD|AKR|NZB|NZW|FVB|B10)\b|"
                    r"^[A-Z][A-Za-z0-9]*/[A-Za-z0-9]*J\b|^H-2[a-z]?$")
# "Ten-day exposure", "48-hour culture": a duration, which a model may read as a chemical.
DURATION = re.compile(r"^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|"
                      r"fourteen|twenty)[-\s](?:min(?:ute)?|h(?:our|r)?|day|week|month|year)s?$",
                      re.IGNORECASE)
# "M. A. Martin", "T. Folks": an author's initials and surname in a citation
PERSON_NAME = re.compile(r"^(?:[A-Z]\.\s?){1,3}[A-Z][a-z]+$")
# "co-operate", "re-express", "up-regulate": an English prefix before a hyphen makes a verb
# or an adjective, not a chemical the dictionary does not know.
WORD_PREFIX = re.compile(r"^(?:co|re|pre|up|down|non|self|over|under)-[a-z]+$")
CELL_HEAD = re.compile(
    r"(?:cells?|cytes?|blasts?|phages?|lines?|clones?|spheroids?|monolayers?|"
    r"transformants?|hybridomas?|HUVECs?|PBMCs?|splenocytes?|thymocytes?)$", re.I)
CELL_LINE_SHAPE = re.compile(r"^(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9][\w./-]*(?: \d+[\w/.-]*)?$")
# Heads that make "X scavenger", "X inhibitor" name another agent than X.
AGENT_HEADS = frozenset({"scavenger", "scavengers", "inhibitor", "inhibitors", "antagonist",
                         "antagonists", "agonist", "agonists", "blocker", "blockers", "chelator",
                         "chelators", "donor", "donors", "analog", "analogs", "analogue",
                         "analogues", "derivative", "derivatives"})
# Heads of protein names: "Bruton's tyrosine kinase" is a gene product, whatever a model says.
PROTEIN_HEADS = frozenset({"kinase", "kinases", "receptor", "receptors", "protein", "proteins",
                           "ligand", "ligands", "enzyme", "enzymes", "phosphatase", "synthase",
                           "transferase", "channel", "channels", "antigen", "antigens"})
# One word with a disease's ending, which a model may read as a chemical.
DISEASE_WORD = re.compile(r"[a-z](?:omatoses|osis|itis|emias?|aemias?|omas|pathy|pathies)$")
ROMAN_NUMERALS = frozenset({"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"})
FACTOR_WORDS = frozenset({"factor", "factors", "protein", "proteins", "complex", "subunit"})
DYE_WORDS = frozenset({"propidium", "annexin", "trypan", "ethidium", "hoechst"})
ACRONYM = re.compile(r"^(?:[A-Z]{2,5}s?|(?=(?:[a-z]*[A-Z]){2})[A-Za-z]{3,6})$")  # ADCC, McCAR
TRIAL_ID = re.compile(r"^NCT\d{6,}$")
TRACER = re.compile(r"\[\s*\d*\s*[A-Z][a-z]?\s*\d*\s*\]|^(?:3H|14C|125I|51Cr|32P)|"
                    r"(?:^|[-\s])(?:FITC|CFSE|DAPI)(?:$|[-\s])", re.I)
# A unit of concentration, dose or activity: "mumol/L", "microM", "U/mL", "mg/kg" (a model reads
# "mol" in "mumol/L" as a chemical).
UNIT = re.compile(r"^(?:mu|micro|[μµmnpfk])?(?:mol|M|g|l|L|U|IU)(?:\s*/\s*(?:mu|micro|[μµmnpdk])?"
                  r"(?:l|L|g|kg|m2|day|d|h|hr|min|cells?|well))*$")
VERB_DEPENDENTS = frozenset({"dobj", "aux", "auxpass"})
# Participles that make "X-<participle> ..." a treatment of what follows, not part of X's name
# (the "-ed" suffixes the claim rules read: "Con A-activated", "LPS-induced", "peptide-pulsed").
TREATMENT_PARTICIPLES = ("activated", "treated", "pretreated", "induced", "stimulated",
                         "costimulated", "pulsed", "exposed", "primed", "mediated", "incubated",
                         "preincubated", "challenged", "triggered", "elicited", "driven")
PARTICIPLE = re.compile(r"[-\u2010\u2011](?:" + "|".join(TREATMENT_PARTICIPLES) + r")(?![\w-])",
                        re.I)
# A short form a text defines after a drug, where Schwartz & Hearst cannot tell: one word of
# two to ten characters with a capital, no sentence punctuation ("NaF", "Le(x)", "Ara-C").
SHORT_FORM = re.compile(r"^(?=.*[A-Z])[A-Za-z0-9][\w()\[\]+/'-]{1,9}$")
MAX_SHORT_FORM_TOKENS = 4
FIGURE_PANEL = re.compile(r"^(?:panels?|fig(?:ure)?s?\.?)\s", re.I)
# A concentration written in brackets, with the compartment it is measured in: "[Ca2+]i",
# "[Na+]o", "[cAMP]i", and the "[Ca2+" a model cuts from "[Ca2+]".
CONCENTRATION = re.compile(r"^\[[^\[\]]+(?:\](?:i|o|e|c|n|m|in|out|ex|cyt|er)?)?$")
ION = re.compile(r"^[A-Z][a-z]?\d*[+-]+$")  # "Ca2+", "Na+", "Cl-"
# An activity named by its verbal noun: "tobacco smoking", "alcohol drinking", "fasting".
# An amino acid residue of a protein, by its position: "Tyr-705", "Ser727" (a site, not a drug)
RESIDUE = re.compile(r"^(?:Tyr|Ser|Thr|Lys|Arg|His|Cys|Asp|Glu|Asn|Gln|Gly|Ala|Val|Leu|Ile|Met|"
                     r"Phe|Trp|Pro)[-\s]?\d+$", re.I)
ACTIVITY = re.compile(r"(?:^|[\s-])[a-z]{2,}ing$")
# "Line" names cells with a word that says so ("T-cell line", "HL-60 line") or in a text that
# speaks of cells ("B-lymphoid lines"); "the intravenous line" of an anaesthesia report is tubing.
LINE_HEAD = re.compile(r"^(?P<rest>.*?)[\s-]*\blines?$", re.I)
LINE_CUES = ("cell", "cells")


@dataclass(frozen=True)
class Vote:
    """One model's reading of a span: which model, which span, which of our labels. ``cut``
    is where the reading ends when that is inside the span's last token ("Con A" of the
    tokens "Con A-activated"); -1 when it ends with the span."""

    model: str
    span: Span
    label: str
    cut: int = -1

    @classmethod
    def read(cls, model: str, span: Span) -> Vote:
        """A model span as our label, with the bracket it leaves open and, for a drug,
        without the participle it runs into."""
        label = MODEL_LABELS.get(span.label_, OTHER)
        span = balanced(trimmed(span))
        if label == DRUG:
            span, cut = without_participle(span)
            return cls(model, span, label, -1 if cut == span.end_char else cut)
        return cls(model, span, label)

    @property
    def start(self) -> int:
        return self.span.start_char

    @property
    def end(self) -> int:
        return self.span.end_char if self.cut < 0 else self.cut

    @property
    def text(self) -> str:
        return text_until(self.span, self.end)


def text_until(span: Span, end: int) -> str:
    """The span's text up to the character offset ``end`` (inside its last token for a cut
    reading). ``span.text`` joins only the span's tokens; ``Doc.text`` would join them all,
    on every call."""
    return span.text[:end - span.start_char]


def merge_model_mentions(mentions: list[Mention], doc: Doc, grounder: CellGrounder,
                         context: CellContext,
                         substances: dict[str, bool] | None = None,
                         definitions: dict[str, DrugDefinition] | None = None) -> list[Mention]:
    """The lexicon ``mentions`` plus the mentions the models' vote adds (module docstring).

    ``substances`` (short form → whether its long form names a substance) and ``definitions``
    (short form → the drug it stands for) are what the document's sections read so far
    defined; this section's definitions are added to them."""
    votes = [Vote.read(model, span) for model, span in model_spans(doc)]
    yielding = [m for m in mentions if _yields(m, votes)]
    mentions = [m for m in mentions if m not in yielding]
    taken = [(m.start, m.end) for m in mentions]
    substances = {} if substances is None else substances
    record_substances(doc, mentions, votes, substances)
    votes = [v for v in votes if not _overlaps_any(v.start, v.end, taken)
             and (v.label == OTHER or admissible(v.span, v.label, grounder, context, v.text))
             and not (v.label == DRUG and substances.get(v.text) is False)]
    added = []
    for group in overlap_groups(votes):
        winner = elect(group)
        if winner is None or _lone_acronym(winner, group, substances):
            continue
        mention = model_mention(winner.model, winner.span, grounder, context, winner.end)
        if mention is not None:
            added.append(mention)
    won = [(a.start, a.end) for a in added]
    added += [m for m in yielding if not _overlaps_any(m.start, m.end, won)]
    added += short_form_drugs(doc, mentions + added, definitions)
    return sorted(mentions + added, key=lambda m: (m.start, -m.end))


def _yields(mention: Mention, votes: list[Vote]) -> bool:
    """Whether a chemical name the dictionary does not have ("N-alpha-tosyl-L-lysine", kind
    :data:`CHEMICAL_NAME`) gives way to a model's longer reading of it ("N-alpha-tosyl-L-lysine
    chloromethyl ketone"): the vote then decides, and the name comes back if nothing won."""
    return mention.kind == CHEMICAL_NAME and any(
        v.label == DRUG and v.start <= mention.start and mention.end <= v.end
        and v.end - v.start > mention.end - mention.start for v in votes)


def short_form_drugs(doc: Doc, mentions: list[Mention],
                     definitions: dict[str, DrugDefinition] | None = None) -> list[Mention]:
    """The short form of a drug the text spells out in full ("20-Hydroxyeicosatetraenoic acid
    (20-HETE)", "sodium fluoride (NaF)") is that drug wherever it occurs: where no other
    mention covers it, it becomes one (the models often tag the long form and miss the short
    one, and scispaCy's abbreviation detector skips short forms that start with a digit); a
    drug mention of the short form itself takes the long form's name and ids
    (:func:`takes_the_long_form`), so that both name one drug. The drug mention must be the
    whole long form: in "Polyethylene glycol-superoxide dismutase (PEG-SOD)" the short form
    is no drug. ``definitions`` holds what the sections read before defined ("NaF" in a figure
    legend is the abstract's sodium fluoride); this section's definitions are added to it,
    the first one of a short form counting. Returns the mentions added."""
    taken = [(m.start, m.end) for m in mentions]
    drugs = {(m.start, m.end): m for m in mentions if m.label == DRUG}
    definitions = {} if definitions is None else definitions
    own = _drug_definitions(doc, mentions)
    for short, drug in own.items():
        definitions.setdefault(short, DrugDefinition(drug.norm, drug.ids, drug.source, drug.match,
                                                     drug.kind))
    found = []
    text = doc.text  # once: Doc.text joins every token on each access
    for short, definition in definitions.items():
        long_form = own.get(short)
        pattern = r"(?<![\w-])" + re.escape(short) + r"(?![\w-])"
        for match in re.finditer(pattern, text):
            span = doc.char_span(match.start(), match.end())
            same = drugs.get((match.start(), match.end()))
            if same is not None and same is not long_form:
                takes_the_long_form(same, definition)
            if span is None or _overlaps_any(match.start(), match.end(), taken):
                continue
            found.append(Mention(match.start(), match.end(), DRUG, definition.norm,
                                 definition.ids, definition.source, definition.match,
                                 definition.kind, span.start, span.end - 1))
            taken.append((match.start(), match.end()))
    return found


def takes_the_long_form(short: Mention, drug: DrugDefinition) -> None:
    """A drug mention of a short form ("NaF", which a model tags and no dictionary knows) is
    the drug its long form names: it takes that drug's name and ids, so that the claims of
    both fall on one drug. A short form the dictionary grounds on its own (match "exact" with
    ids: "paclitaxel (Taxol)") keeps its grounding."""
    if short.match == "exact" and short.ids:
        return
    short.norm, short.ids, short.match, short.kind = drug.norm, drug.ids, drug.match, drug.kind


def _drug_definitions(doc: Doc, mentions: list[Mention]) -> dict[str, Mention]:
    """Short form → the drug mention that is its whole long form: "LONG (SHORT)" right after
    the mention (:func:`defines`), and the definitions scispaCy's abbreviation detector found.
    A short form the detector gives a long form that is more than the drug ("conjugated
    linoleic acid (CLA)", where the drug mention is "linoleic acid") is not that drug's."""
    drugs = {(m.start, m.end): m for m in mentions if m.label == DRUG}
    detected = {short.start_char: short for short in _detected_short_forms(doc)}
    definitions: dict[str, Mention] = {}
    for drug in drugs.values():
        long_form = doc.char_span(drug.start, drug.end)
        short = None if long_form is None else parenthesized_after(long_form)
        if short is None or _says_more(detected.get(short.start_char), long_form):
            continue
        if defines(short, long_form, drug, (short.start_char, short.end_char) in drugs):
            definitions.setdefault(short.text, drug)
    for short in detected.values():
        long_form = short._.long_form
        drug = drugs.get((long_form.start_char, long_form.end_char))
        if drug is not None:
            definitions.setdefault(short.text, drug)
    return {short: drug for short, drug in definitions.items()
            if len(short) >= 2 and not UNIT.match(short)}


def _detected_short_forms(doc: Doc) -> list[Span]:
    """The short forms scispaCy's abbreviation detector found, each with its long form."""
    if not Doc.has_extension("abbreviations"):
        return []
    return [short for short in doc._.abbreviations if short._.long_form is not None]


def _says_more(detected: Span | None, long_form: Span) -> bool:
    """Whether the detector gives a short form a long form that is more than ``long_form``:
    "conjugated linoleic acid" is more than "linoleic acid"; "nitrosaminoketone" (the
    detector's reading of the first definition, wherever that is) is not more than
    "nicotine-derived nitrosaminoketone"."""
    return detected is not None and \
        detected._.long_form.text.lower() not in long_form.text.lower()


def parenthesized_after(span: Span) -> Span | None:
    """The tokens in brackets right after ``span``, up to the bracket that closes them: "NaF"
    of "sodium fluoride (NaF)", "Le(x)" of "sialyl Lewis(x) (Le(x))" (tokens "Le(x" and ")").
    None when no bracket follows, or what it holds has a space or is longer than a short form
    can be (a short form is one word)."""
    doc, opening = span.doc, span.end
    if opening >= len(doc) or doc[opening].text != "(":
        return None
    depth = 1
    for k in range(opening + 1, min(len(doc), opening + 2 + MAX_SHORT_FORM_TOKENS)):
        if doc[k - 1].whitespace_ and k - 1 > opening:
            return None
        depth += doc[k].text.count("(") - doc[k].text.count(")")
        if depth <= 0:
            return doc[opening + 1:k] if depth == 0 and doc[k].text == ")" and k > opening + 1 \
                else None
    return None


def defines(short: Span, long_form: Span, drug: Mention, tagged: bool) -> bool:
    """Whether "LONG (SHORT)" defines SHORT as the drug LONG: the Schwartz & Hearst test
    (:func:`abbreviates`); or, where that test fails (a formula: "sodium fluoride (NaF)"), a
    word shaped like a short form (:data:`SHORT_FORM`), shorter than the long form, that a
    model tags as a drug as well (``tagged``) or that has two capitals ("CDDP" for cisplatin).
    A drug class is not spelled out by what follows it: "the PARP inhibitor (AZD2281)" names
    one of the class."""
    if abbreviates(short, long_form):
        return True
    text = short.text
    return drug.kind != "class" and len(text) < len(long_form.text) and \
        SHORT_FORM.match(text) is not None and (tagged or sum(c.isupper() for c in text) >= 2)


def abbreviates(short: Span, long_form: Span) -> bool:
    """Whether ``short`` can abbreviate ``long_form``: scispaCy's Schwartz & Hearst test (the
    one its abbreviation detector uses), and a letter in the short form ("(12)" is a number)."""
    return any(c.isalpha() for c in short.text) and \
        find_abbreviation(long_form, short)[1] is not None


EDGE_WORDS = frozenset({",", ";", ":", ".", "and", "or"})
NUMBER = re.compile(r"^\d+(?:[.,]\d+)?$")


def trimmed(span: Span) -> Span:
    """The span without the punctuation or conjunction a model reads into its edges ("hemin
    ," in "such as hemin, cytarabine and ...") or a determiner it starts with ("A
    dysfunction"). A final letter stays: "concanavalin A", "serum amyloid A"."""
    start, end = span.start, span.end
    while end - start > 1 and span.doc[end - 1].lower_ in EDGE_WORDS:
        end -= 1
    while end - start > 1 and (span.doc[start].lower_ in EDGE_WORDS or
                               (span.doc[start].lower_ in {"a", "an", "the"} and
                               span.doc[start].tag_ == "DT")):
        start += 1
    while end - start > 2 and NUMBER.match(span.doc[start].text) and \
            UNIT.match(span.doc[start + 1].text):
        start += 2  # "0.2 mmol/L diamide": the dose is not the drug's name
    if (start, end) == (span.start, span.end):
        return span
    return Span(span.doc, start, end, label=span.label)


def balanced(span: Span) -> Span:
    """The span with the closing bracket it leaves open when that bracket comes next: a model
    cuts "sialyl Lewis(x)" after "Lewis(x", which is one token before ")"."""
    text = span.text
    if text.count("(") > text.count(")") and span.end < len(span.doc) and \
            span.doc[span.end].text == ")":
        return Span(span.doc, span.start, span.end + 1, label=span.label)
    return span


def without_participle(span: Span) -> tuple[Span, int]:
    """The tokens and the end of the agent in a drug span that runs into a participle: a model
    tags "Con A-activated mouse" (of "Con A-activated mouse spleen cells") as a chemical, but
    the agent is "Con A", and "-activated" says what it did to the cells. The end may fall
    inside a token ("A-activated" is one); the span then keeps that token. A span with a
    protein head is a protein's name ("AMP-activated protein kinase"), left whole for
    :func:`admissible` to refuse; so is one with no letter before the participle."""
    match = PARTICIPLE.search(span.text)
    if match is None or span[-1].lower_ in PROTEIN_HEADS:
        return span, span.end_char
    agent = span.text[:match.start()].rstrip()
    tokens = span.doc.char_span(span.start_char, span.start_char + len(agent),
                                alignment_mode="expand")
    if tokens is None or not any(c.isalpha() for c in agent):
        return span, span.end_char
    return Span(span.doc, tokens.start, tokens.end, label=span.label), tokens.start_char + len(agent)


def record_substances(doc: Doc, mentions: list[Mention], votes: list[Vote],
                      substances: dict[str, bool]) -> None:
    """For each short form ``doc`` defines (scispaCy's abbreviation detector), whether a drug
    mention or a model's chemical covers part of its long form; the first definition counts."""
    if not Doc.has_extension("abbreviations"):
        return
    drugs = [(m.start, m.end) for m in mentions if m.label == DRUG]
    drugs += [(v.start, v.end) for v in votes if v.label == DRUG]
    for short in doc._.abbreviations:
        long_form = short._.long_form
        if long_form is None or short.text in substances:
            continue
        substances[short.text] = _overlaps_any(long_form.start_char, long_form.end_char, drugs)


def overlap_groups(votes: list[Vote]) -> list[list[Vote]]:
    """Votes chained by overlap, in text order."""
    groups: list[list[Vote]] = []
    end = -1
    for vote in sorted(votes, key=lambda v: (v.start, -v.end)):
        if groups and vote.start < end:
            groups[-1].append(vote)
            end = max(end, vote.end)
        else:
            groups.append([vote])
            end = vote.end
    return groups


def elect(group: list[Vote]) -> Vote | None:
    """The winning label by one vote per model (ties: the label of the longest span, then
    label priority), then its longest span; None when the span is none of ours."""
    ballots: dict[str, str] = {}
    longest: dict[str, Vote] = {}
    for vote in group:
        ballots.setdefault(vote.model, vote.label)
        best = longest.get(vote.label)
        if best is None or vote.end - vote.start > best.end - best.start:
            longest[vote.label] = vote
    tally = Counter(ballots.values())
    label = min(tally, key=lambda lab: (-tally[lab], -(longest[lab].end - longest[lab].start),
                                        VOTE_PRIORITY[lab]))
    return None if label == OTHER else longest[label]


def _lone_acronym(winner: Vote, group: list[Vote], substances: Mapping[str, bool]) -> bool:
    """An all-capitals short form the document does not define ("ADCC", "TCR", "ORR") is
    taken as a drug only when two models call it a chemical: one model alone reads too many
    assay and outcome acronyms as chemicals."""
    if winner.label != DRUG or not ACRONYM.match(winner.text) or winner.text in substances:
        return False
    return len({v.model for v in group if v.label == DRUG}) < 2


def admissible(span: Span, label: str, grounder: CellGrounder, context: CellContext,
               text: str | None = None) -> bool:
    """Whether a model span can be what its label says (see the module docstring). ``text``
    is the reading when it ends inside the span's last token ("Con A" of "Con A-activated"):
    the words are judged as read, the parse by the span's tokens."""
    text = span.text if text is None else text
    if sum(c.isalpha() for c in text) < 2 or TRIAL_ID.match(text) or FIGURE_PANEL.match(text) \
            or UNIT.match(text):
        return False  # "A." is a figure panel, "5" a number
    if label in (DRUG, CELL, CELL_LINE, DISEASE) and not any(t.tag_.startswith("NN") for t in span):
        return False
    if any(child.dep_ in VERB_DEPENDENTS for token in span for child in token.children
           if not span.start <= child.i < span.end):
        return False  # "and restrains angiogenesis": only a verb takes an object
    if label == DRUG:
        if _word_after(span, text) in AGENT_HEADS:
            return False  # "a reactive oxygen species scavenger" is not reactive oxygen species
        if span[-1].lower_ in PROTEIN_HEADS or any(t.is_digit or t.lower_ in {"vs", "vs.", "versus"}
                                                   for t in span):
            return False  # "Bruton's tyrosine kinase"; "cpm vs. 220571" (a measurement)
        if span[-1].tag_ in {"IN", "TO"} or (len(span) > 1 and span[-1].text in ROMAN_NUMERALS
                                              and span[-2].lower_ in FACTOR_WORDS):
            return False  # "protein of" (a cut phrase); "binding factor II" (a protein)
        if len(span) == 1 and DISEASE_WORD.search(text):
            return False  # "granulomatoses", "thrombocytopenia": a disease's name
        if span.start > 0 and span.doc[span.start - 1].lower_ in DYE_WORDS:
            return False  # "propidium iodide"
        if STRAIN.match(text) or WORD_PREFIX.match(text) or DURATION.match(text) or \
                _is_a_persons_name(span, text):
            return False  # "C57BL/10SnJ", "H-2k"; "co-operate"; "Ten-day"; "A. Martin"
        key = term_key(context.abbreviations.get(text, text))
        stoplisted = key in drug_stoplist() and not (
            key in given_agents() and named_as_given(span.doc, span.start, span.end - 1,
                                                     _rest_of_span(span, text)))
        return not (stoplisted or is_endogenous(key) or TRACER.search(text)
                    or _is_a_concentration(span, text) or _is_a_dose(text) or RESIDUE.match(text)
                    or ACTIVITY.search(text)
                    or key.endswith((" cell", " cells")))
    if label == DISEASE:
        # "antitumor activity", "anticancer effects": an adjective against a disease, however
        # the tagger reads it
        return text.lower() not in OUTCOME_WORDS and not ANTI_ADJECTIVE.match(text)
    if label in (CELL, CELL_LINE):
        if text.lower() in GENERIC_CELL_WORDS:
            return False
        line_shaped = label == CELL_LINE and CELL_LINE_SHAPE.match(text) and not GENE_SHAPE.match(text)
        if line := LINE_HEAD.match(text):
            return bool(line_shaped) or _names_the_line(line["rest"], context)
        return bool(CELL_HEAD.search(text) or line_shaped
                    or (label == CELL and _grounds(text, grounder, context)))
    return True


def _is_a_persons_name(span: Span, text: str) -> bool:
    """'(T. Folks, M. A. *Martin*, and A.': initials and a surname in a list of authors (the
    initials in the span or just before it), not a figure panel's label before a drug ("A.
    Lenalidomide enhanced ...")."""
    doc = span.doc
    if "&" in text or re.fullmatch(r"(?:[A-Z]\.\s?)+", text):
        return True  # "A. & Tracey, K. J.", "K. R.": authors' initials
    after = doc[span.end:span.end + 2]
    if re.fullmatch(r"[A-Z][a-z]+", text) and len(after) == 2 and after[0].text == "," and \
            re.fullmatch(r"(?:[A-Z]\.)+", after[1].text):
        return True  # "Meistrell, M.": a surname before its initials
    start = span.start
    while start > 0 and re.fullmatch(r"[A-Z]\.", doc[start - 1].text):
        start -= 1
    named = PERSON_NAME.match(text) is not None or \
        (start < span.start and re.fullmatch(r"[A-Z][a-z]+", text) is not None)
    return named and start > 0 and doc[start - 1].lower_ in {",", "(", "and", ";", "&"}


def _rest_of_span(span: Span, text: str) -> str:
    """What follows the reading inside the span's last token: "-induced" of "ethanol-induced"
    read as "ethanol"."""
    return span.text[len(text):] if span.text.startswith(text) else ""


def _is_a_dose(text: str) -> bool:
    """Whether a drug reading is an amount with its unit ("10(-10) mol/L", "5 mg/kg"): the
    numbers have no name of a substance in them."""
    *amount, unit = text.split()
    return bool(amount) and UNIT.match(unit) is not None and any(c.isdigit() for c in text)


def _is_a_concentration(span: Span, text: str) -> bool:
    """Whether a drug reading is a concentration in brackets ("[Ca2+]i"), whole or cut
    ("[Ca2+", or the "Ca2" of "[Ca2+]"): the ion the cells hold, which nobody gave them. A
    name in brackets that is no ion is a short form ("lipopolysaccharide [LPS]")."""
    if CONCENTRATION.match(text):
        return True
    # The span's own tokens and their neighbours: Doc.text would join the whole doc each time.
    around = span.doc[max(0, span.start - 1):min(len(span.doc), span.end + 2)]
    local, start = around.text, span.start_char - around.start_char
    close = local.find("]", start, start + len(text) + 4)
    return local[start - 1:start] == "[" and close >= 0 and \
        ION.match(local[start:close]) is not None


def _names_the_line(rest: str, context: CellContext) -> bool:
    """Whether a "line" a model reads as cells is a cell line: the words before it say so
    ("T-cell line", a cell line's shape: "HL-60 line"), or they are there (not a bare "line")
    and the document speaks of cells (:data:`LINE_CUES`)."""
    if re.search(r"cell", rest, re.I) or (CELL_LINE_SHAPE.match(rest) and not GENE_SHAPE.match(rest)):
        return True
    return bool(rest) and context.allows(LINE_CUES)


def _word_after(span: Span, text: str) -> str:
    """The word after a reading of ``span`` (lower case): the next token, or nothing when the
    reading ends inside the span ("Lenalidomide" of "Lenalidomide-treated donor")."""
    if span.start_char + len(text) < span.end_char or span.end >= len(span.doc):
        return ""
    return span.doc[span.end].lower_


def _grounds(text: str, grounder: CellGrounder, context: CellContext) -> bool:
    grounding = grounder.ground(text, context, strict=True)  # no head-only guesses
    return grounding is not None and bool(grounding.ids)


def model_mention(model: str, span: Span, grounder: CellGrounder, context: CellContext,
                  end: int | None = None) -> Mention | None:
    """A model span as a mention of one of our labels, grounded where possible; ``end``: where
    the reading ends when that is inside the span's last token (:class:`Vote`)."""
    label = MODEL_LABELS.get(span.label_)
    end = span.end_char if end is None else end
    text = text_until(span, end)
    if label is None or not any(c.isalpha() for c in text):
        return None
    mention = Mention(span.start_char, end, label, text.lower(), (), model, MODEL_MATCH,
                      "model", span.start, span.end - 1)
    if label == DRUG:
        return _drug(mention, text, context)
    if label == CELL:
        grounding = grounder.ground(text, context)
        if grounding is not None:
            mention.apply(grounding)
            mention.source = model
    return mention


def _drug(mention: Mention, text: str, context: CellContext) -> Mention:
    """A drug's ids from the dictionary, or at least the long form of its abbreviation."""
    record = ground_drug(text, context.abbreviations)
    if record is not None:
        mention.norm, mention.ids, mention.match = record.name.lower(), record.ids, "exact"
    elif text in context.abbreviations:
        mention.norm = context.abbreviations[text].lower()
    return mention



def _overlaps_any(start: int, end: int, taken: Iterable[tuple[int, int]]) -> bool:
    return any(start < other_end and other_start < end for other_start, other_end in taken)
