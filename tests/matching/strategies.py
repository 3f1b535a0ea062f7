"""Hypothesis strategies shared by the matcher's differential tests."""

from __future__ import annotations

from hypothesis import strategies as st


def word_texts(words: st.SearchStrategy[str], gaps: st.SearchStrategy[str], max_words: int):
    """Texts of drawn words, each with a drawn gap before it and one at the end: the gaps
    are where sentence and clause marks sit."""

    @st.composite
    def texts(draw) -> str:
        drawn = draw(st.lists(words, max_size=max_words))
        between = draw(st.lists(gaps, min_size=len(drawn) + 1, max_size=len(drawn) + 1))
        return "".join(g + w for g, w in zip(between, drawn, strict=False)) + between[-1]

    return texts()
