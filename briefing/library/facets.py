"""Picking facet values: the filters a view narrows its list to, and what to offer.

Pure values over :mod:`briefing.library.entries` (no database, no UI): a view asks
its index for :meth:`~briefing.library.index.LibraryIndex.facets` under the
filters picked so far, and these say what picking one more value (or the same one
again) leaves, and which values to offer, so a list of thousands of participants
stays short.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .entries import FacetCount, FacetKind, Filters

OFFERED = 100
"""The most values of one facet offered (the most common; picked ones always)."""


def toggled(filters: Filters, kind: FacetKind, key: str) -> Filters:
    """``filters`` with ``kind = key`` added, or taken away if it is there."""
    value = (kind, key)
    if value in filters.values:
        return Filters(tuple(picked for picked in filters.values if picked != value))
    return filters.with_value(kind, key)


def offered(
    facets: Mapping[FacetKind, Sequence[FacetCount]], filters: Filters, most: int = OFFERED,
) -> list[tuple[FacetKind, list[FacetCount], int]]:
    """Each facet with values (in :class:`FacetKind`'s order), its values to offer and
    how many it has in all: the ``most`` most common, and every picked one."""
    picked = set(filters.values)
    found = []
    for kind in FacetKind:
        values = list(facets.get(kind, ()))
        if not values:
            continue
        shown = [value for number, value in enumerate(values)
                 if number < most or (value.kind, value.key) in picked]
        found.append((kind, shown, len(values)))
    return found


def picked_labels(
    facets: Mapping[FacetKind, Sequence[FacetCount]], filters: Filters, language: str,
) -> list[tuple[FacetKind, str]]:
    """The values of ``filters``, each with its label in ``language`` (its key when
    ``facets`` does not have it)."""
    labels = {(value.kind, value.key): value.label_in(language)
              for values in facets.values() for value in values}
    return [(FacetKind(kind), labels.get((FacetKind(kind), key), key))
            for kind, key in filters.values]
