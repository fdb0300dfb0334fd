"""Rows a run keeps until its end, stored small.

The review merge and the summary need one short row per claim of the whole run (its review
context, the fields the summary counts). As dictionaries of fresh strings, they were most of
the memory the runner gains on a large corpus. Here each row is a tuple in a fixed column
order, and the short values that repeat from claim to claim (directions, categories, drug
and cell names, document links) are interned: one string object each, however many claims.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

# Longer values (sentences) are rarely repeated; interning them would only cost a lookup.
_INTERN_UP_TO = 80


def _small(value: Any) -> Any:
    if type(value) is str:
        return sys.intern(value) if len(value) <= _INTERN_UP_TO else value
    if isinstance(value, (list, tuple)):
        return tuple(_small(v) for v in value)
    return value


class CompactRow(Mapping):
    """A read-only view of one stored row, by column name."""

    __slots__ = ("_index", "_values")

    def __init__(self, index: Mapping[str, int], values: tuple) -> None:
        self._index, self._values = index, values

    def __getitem__(self, key: str) -> Any:
        return self._values[self._index[key]]

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)


class CompactRows(Sequence):
    """Rows with the same columns, appended as mappings and read back as :class:`CompactRow`.
    Lists come back as tuples."""

    def __init__(self, columns: Sequence[str]) -> None:
        self._index = {name: k for k, name in enumerate(columns)}
        self._rows: list[tuple] = []

    def append(self, row: Mapping[str, Any]) -> None:
        self._rows.append(tuple(_small(row.get(name)) for name in self._index))

    def __getitem__(self, position: int) -> CompactRow:  # type: ignore[override]
        return CompactRow(self._index, self._rows[position])

    def __iter__(self) -> Iterator[CompactRow]:
        index = self._index
        return (CompactRow(index, values) for values in self._rows)

    def __len__(self) -> int:
        return len(self._rows)
