"""Which way a flat product is longer, said in words and in numbers, clashes when they differ."""

from __future__ import annotations

import pytest

from knowledge.errors import InvalidRequestError
from tools.creatives.contradictions import check_contradictions


def test_landscape_beside_a_taller_size_is_refused() -> None:
    with pytest.raises(InvalidRequestError):
        check_contradictions("Canvas print, ocean.\nFormat: landscape.\nSize: 24 in. high x 18 "
                             "in. wide.")


@pytest.mark.parametrize("brief", [
    "Solar landscape lights, 6 pack\nEach 16 in high x 4 in wide",
    "Photo frame 8 x 10 in, hangs portrait or landscape.",
    "Poster, portrait.\nSize: 36 in high x 24 in wide.",
])
def test_a_scene_word_options_or_one_way_are_no_clash(brief: str) -> None:
    check_contradictions(brief)
