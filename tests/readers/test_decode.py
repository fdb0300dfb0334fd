import codecs

import pytest

from pipeline.readers.decode import UnreadableInput, decode_bytes, looks_binary


def test_utf8_is_read_unchanged():
    decoded = decode_bytes("CD4+ T cells – naïve\r\n".encode())
    assert decoded.text == "CD4+ T cells – naïve\r\n"
    assert decoded.encoding == "utf-8" and not decoded.warnings


def test_latin1_is_recovered_and_reported():
    decoded = decode_bytes("Lenalidomide stimulates naïve T cells.".encode("latin-1"))
    assert decoded.text == "Lenalidomide stimulates naïve T cells."
    assert decoded.encoding == "latin-1"
    assert "Latin-1" in decoded.warnings[0]


def test_bom_decides_the_encoding():
    decoded = decode_bytes(codecs.BOM_UTF16_LE + "NK cells".encode("utf-16-le"))
    assert decoded.text == "NK cells" and decoded.encoding == "utf-16-le"


@pytest.mark.parametrize("data", [b"", b"  \n\t ", bytes(range(256)) * 4, b"\x89PNG\r\n\x1a\n\x00\x00"])
def test_empty_and_binary_inputs_are_refused(data):
    with pytest.raises(UnreadableInput):
        decode_bytes(data)


def test_text_with_tabs_is_not_binary():
    assert not looks_binary(b"a\tb\nc\r\n" * 100)
