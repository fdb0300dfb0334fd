"""XML parsing that cannot be turned against the machine.

All XML goes through defusedxml: entity declarations (the "billion laughs" bomb, external
entities that would read local files or fetch URLs) are refused, and DTDs are never
fetched. Deep nesting is bounded before any recursive walk of the tree.
"""

from __future__ import annotations

import xml.etree.ElementTree as fast_et
from collections.abc import Iterator
from xml.etree.ElementTree import Element, ParseError

import defusedxml
import defusedxml.ElementTree as safe_et

MAX_DEPTH = 256
# Elements that separate words: their text never runs into their neighbours'.
BLOCK_ELEMENTS = frozenset({"p", "title", "sec", "caption", "label", "list-item", "li", "td",
                            "th", "tr", "AbstractText", "passage", "text", "break", "br", "div"})


class UnsafeXML(ValueError):
    """The XML declares entities or external references, refused for safety."""


def parse_bytes(data: bytes) -> Element:
    """Parse a whole XML document safely; raise ValueError with a one-line reason."""
    try:
        root = safe_et.fromstring(data)
    except (defusedxml.EntitiesForbidden, defusedxml.ExternalReferenceForbidden,
            defusedxml.DTDForbidden) as err:
        raise UnsafeXML(f"XML declares entities or external references, refused for safety "
                        f"({type(err).__name__})") from None
    except ParseError as err:
        raise ValueError(f"malformed XML: {err}") from None
    check_depth(root)
    return root


def check_depth(root: Element, limit: int = MAX_DEPTH) -> None:
    """Refuse absurdly nested trees (iteratively, so the check itself cannot overflow)."""
    level = [root]
    for _ in range(limit):
        level = [child for element in level for child in element]
        if not level:
            return
    raise ValueError(f"XML nested deeper than {limit} levels")


def local_name(tag: str) -> str:
    """'{namespace}name' → 'name'."""
    if not isinstance(tag, str):
        return ""  # comments and processing instructions
    return tag if "}" not in tag else tag.rsplit("}", 1)[-1]


def parse_fragment(data: bytes) -> Element:
    """Parse one element cut out of a larger file (a PubMed record), with the C parser.

    Safe without defusedxml's slower pure-Python parser because a fragment that starts at
    its own root element cannot carry a DTD: no entity can be declared, so none can be
    expanded or fetched (an undefined entity is a parse error). DOCTYPE and ENTITY markup
    anywhere in the fragment is refused outright.
    """
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise UnsafeXML("XML declares entities or a DTD inside a record, refused for safety")
    try:
        root = fast_et.fromstring(data)
    except ParseError as err:
        raise ValueError(f"malformed XML: {err}") from None
    check_depth(root)
    return root


def text_of(element: Element | None, skip: frozenset[str] = frozenset()) -> str:
    """All text inside ``element``, whitespace collapsed, skipping subtrees named in ``skip``."""
    if element is None:
        return ""
    if len(element) == 0:  # the common case, a leaf: no walk needed
        return " ".join((element.text or "").split())
    parts: list[str] = []
    stack: list[Element | str] = [element]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            parts.append(item)
            continue
        if item is not element and local_name(item.tag) in skip:
            if item.tail:
                stack.append(item.tail)
            continue
        block = local_name(item.tag) in BLOCK_ELEMENTS
        if item is not element and item.tail:
            stack.append(item.tail)
        if block:
            stack.append(" ")
        for child in reversed(list(item)):
            stack.append(child)
        if item.text:
            stack.append(item.text)
        if block:
            stack.append(" ")
    return " ".join("".join(parts).split())


def children(element: Element, name: str) -> Iterator[Element]:
    return (child for child in element if local_name(child.tag) == name)


def find(element: Element | None, path: str) -> Element | None:
    """First descendant along ``a/b/c`` by local names (namespace-blind)."""
    current = element
    for name in path.split("/"):
        if current is None:
            return None
        current = next(children(current, name), None)
    return current


def find_all(element: Element, name: str) -> Iterator[Element]:
    """Every descendant with local name ``name``, in document order."""
    return (e for e in element.iter() if local_name(e.tag) == name)
