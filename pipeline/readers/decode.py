"""Bytes to text: encodings, byte-order marks, and files that are not text at all.

Offsets in the outputs index the decoded text, so decoding never rewrites newlines or
strips anything; it only chooses how to turn bytes into characters and says why.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control characters that never occur in text files (tab, newline, CR, FF are fine).
_BINARY_CONTROLS = set(range(0, 9)) | {11} | set(range(14, 32)) - {27}


class UnreadableInput(ValueError):
    """The input cannot be turned into text (empty, binary, undecodable)."""


@dataclass
class DecodedText:
    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def looks_binary(data: bytes) -> bool:
    """True for data that is not text: NUL bytes, or many control characters up front."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte in _BINARY_CONTROLS)
    return controls > max(2, len(head) // 100)


def decode_bytes(data: bytes) -> DecodedText:
    """Decode ``data`` by its BOM, else as UTF-8, else as Latin-1 (and say so).

    Raises :class:`UnreadableInput` for empty and binary inputs, which carry no text.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data[len(bom):].decode(encoding, errors="replace")
            return _checked(DecodedText(text, encoding, [f"decoded as {encoding} by its BOM"]))
    if looks_binary(data):
        raise UnreadableInput("binary file, not text")
    try:
        return _checked(DecodedText(data.decode("utf-8"), "utf-8"))
    except UnicodeDecodeError as err:
        note = f"not valid UTF-8 (byte {err.start}); decoded as Latin-1"
        return _checked(DecodedText(data.decode("latin-1"), "latin-1", [note]))


def _checked(decoded: DecodedText) -> DecodedText:
    if not decoded.text.strip():
        raise UnreadableInput("empty file")
    return decoded
