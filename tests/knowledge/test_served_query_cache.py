"""A served expander keeps each query's reads once, and never more than a bounded number."""

import functools

from knowledge.graph.card_lines import QUERIES_CACHED, per_query


def test_a_query_is_read_once_and_the_cache_stays_bounded() -> None:
    cache: dict[str, int] = {}
    computed: list[int] = []

    def read(n: int) -> int:
        computed.append(n)
        return n

    for n in range(QUERIES_CACHED + 10):
        per_query(cache, f"query {n}", functools.partial(read, n))
    assert len(cache) <= QUERIES_CACHED
    assert per_query(cache, f"query {QUERIES_CACHED + 9}", lambda: read(-1)) == QUERIES_CACHED + 9
    assert computed == list(range(QUERIES_CACHED + 10))
