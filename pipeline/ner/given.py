"""Whether a molecule is named as something given to the cells.

Cytokines and other endogenous molecules are usually measured ("IL-2 production"), and some
chemicals are usually a solvent, a nutrient or an ion ("dissolved in ethanol", "glucose
uptake"). Where the text gives them ("IL-1Ra treatment", "treated with IFN-gamma",
"ethanol-induced apoptosis"), they are agents, as the guidelines count them.
"""

from __future__ import annotations

from spacy.tokens import Doc

# Words around a molecule that say it was given: "IL-1Ra treatment", "the addition of IL-6",
# "treated with IFN-gamma", "ethanol exposure".
GIVEN_AFTER = frozenset({"treatment", "treatments", "therapy", "administration", "infusion",
                         "injection", "injections", "supplementation", "pretreatment",
                         "exposure"})
GIVEN_BEFORE = (("addition", "of"), ("administration", "of"), ("treatment", "with"),
                ("treated", "with"), ("pretreated", "with"), ("pretreatment", "with"),
                ("injection", "of"), ("infusion", "of"), ("stimulated", "with"),
                ("stimulation", "with"), ("incubated", "with"), ("incubation", "with"),
                ("exposed", "to"), ("exposure", "to"), ("cultured", "with"),
                ("priming", "with"), ("primed", "with"), ("preincubation", "with"),
                ("preincubated", "with"), ("pre-incubated", "with"), ("pre-incubation", "with"),
                # the agent of a passive change: "is activated by IFN-gamma in monocytes"
                ("activated", "by"), ("induced", "by"), ("stimulated", "by"),
                ("inducible", "by"), ("response", "to"), ("responses", "to"))
# The kind of a stoplisted name's dictionary entry (``pipeline.ner.lexicons``).
GIVEN_KIND = "given"
# "IL-2-stimulated NK cells", "TNF-induced apoptosis": the molecule given, in one token
GIVEN_SUFFIXES = ("-treated", "-stimulated", "-induced", "-activated", "-primed")


def named_as_given(doc: Doc, first: int, last: int, rest: str = "") -> bool:
    """Whether the molecule on tokens ``first``..``last`` is named as given; ``rest`` is what
    follows it inside its last token ("-induced" of "ethanol-induced")."""
    after = doc[last + 1] if last + 1 < len(doc) else None
    if after is not None and after.lower_ in GIVEN_AFTER:
        return True
    if rest.lower().startswith(GIVEN_SUFFIXES):
        return True
    before = tuple(t.lower_ for t in doc[max(0, first - 2):first])
    if before in GIVEN_BEFORE:
        return True
    # "stimulation of NK cells *with* IL-2", "NK cells were incubated for 2 h *with* IL-15"
    return first > 0 and doc[first - 1].lower_ in {"with", "to", "by"} and any(
        (t.lower_, doc[first - 1].lower_) in GIVEN_BEFORE for t in doc[max(0, first - 8):first - 1])


def given_where_named(doc: Doc, mentions: list) -> list:
    """The mentions with the stoplisted names kept only where the text gives them
    (``GIVEN_KIND``, set by ``pipeline.ner.lexicons``); those become ordinary
    drugs ("ethanol-induced apoptosis"; not "dissolved in ethanol")."""
    kept = []
    for mention in mentions:
        if mention.kind == GIVEN_KIND:
            last = doc[mention.last_token]
            rest = last.text[mention.end - last.idx:] if mention.end < last.idx + len(last) else ""
            if not named_as_given(doc, mention.first_token, mention.last_token, rest):
                continue
            mention.kind = "drug"
        kept.append(mention)
    return kept
