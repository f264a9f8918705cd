"""Picking facet values, and which values a view offers."""

from __future__ import annotations

from briefing.library.entries import NO_FILTERS, FacetCount, FacetKind
from briefing.library.facets import offered, picked_labels, toggled


def counts(kind: FacetKind, *keys: str) -> list[FacetCount]:
    return [FacetCount(kind, key, {"en": key.title()}, 10 - number)
            for number, key in enumerate(keys)]


def test_a_value_picked_again_is_let_go() -> None:
    once = toggled(NO_FILTERS, FacetKind.YEAR, "2025")
    twice = toggled(once, FacetKind.TAG, "energy")
    assert twice.values == ((FacetKind.YEAR, "2025"), (FacetKind.TAG, "energy"))
    assert toggled(twice, FacetKind.YEAR, "2025").values == ((FacetKind.TAG, "energy"),)


def test_the_most_common_values_are_offered_and_the_picked_ones_always() -> None:
    facets = {FacetKind.TAG: counts(FacetKind.TAG, "a", "b", "c", "d"),
              FacetKind.YEAR: counts(FacetKind.YEAR, "2025"), FacetKind.SECTOR: []}
    filters = toggled(NO_FILTERS, FacetKind.TAG, "d")
    found = offered(facets, filters, most=2)
    assert [(kind, [value.key for value in values], count)
            for kind, values, count in found] == [
        (FacetKind.TAG, ["a", "b", "d"], 4), (FacetKind.YEAR, ["2025"], 1)]
    assert picked_labels(facets, filters.with_value(FacetKind.COUNTRY, "nowhere"), "en") == [
        (FacetKind.TAG, "D"), (FacetKind.COUNTRY, "nowhere")]
