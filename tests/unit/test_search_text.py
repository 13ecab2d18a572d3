"""Folding, reading a query and marking what matched: the search's rules, without a database."""

from __future__ import annotations

import pytest

from interviewdesk.domain.search_text import Term, excerpt, fold, parse_query, tokens


@pytest.mark.parametrize(
    ("written", "typed"),
    [
        ("Café", "cafe"),
        ("NAÏVE", "naive"),
        ("Straße", "STRASSE"),
        ("ＡＢＣ", "abc"),  # full-width Latin
        ("Привет", "привет"),
        ("Ελληνικά", "ελληνικα"),
        ("مُحَمَّد", "محمد"),  # Arabic vowel marks
        ("שָׁלוֹם", "שלום"),  # Hebrew points
    ],
)
def test_accents_case_and_marks_are_folded_alike(written: str, typed: str) -> None:
    assert tokens(fold(written)) == tokens(fold(typed))


def test_unspaced_scripts_become_one_token_per_character() -> None:
    assert tokens(fold("我是面试官")) == ["我", "是", "面", "试", "官"]
    assert tokens(fold("がっこう")) == ["が", "っ", "こ", "う"]  # が keeps its voicing mark
    assert all(len(token) == 1 for token in tokens(fold("ภาษาไทย")))  # Thai: no spaces either


def test_a_query_reads_words_phrases_and_prefixes() -> None:
    assert parse_query('mentor "on call" team*') == [
        Term(("mentor",)),
        Term(("on", "call")),
        Term(("team",), prefix=True),
    ]
    assert parse_query("mento", prefix_last=True) == [Term(("mento",), prefix=True)]
    assert parse_query('"on call"', prefix_last=True) == [Term(("on", "call"))]  # a closed phrase is whole
    assert parse_query("面试") == [Term(("面", "试"))]
    assert parse_query("-- ... ") == []  # nothing searchable


def test_operators_are_plain_words() -> None:
    assert parse_query("NOT col:x NEAR(a)") == [
        Term(("not",)),
        Term(("col", "x")),
        Term(("near", "a")),
    ]


def test_an_excerpt_marks_each_match_in_the_text_as_written() -> None:
    text = "We spoke about the café; 我是面试官, and then Ελληνικά."
    found = excerpt(text, parse_query("cafe 面试 ελλην*"))
    assert [found.text[a:b] for a, b in found.marks] == ["café", "面试", "Ελληνικά"]
    assert found.marked("[", "]") == "We spoke about the [café]; 我是[面试]官, and then [Ελληνικά]."


def test_a_long_text_is_cut_around_the_first_match_at_spaces() -> None:
    text = " ".join(f"word{n}" for n in range(200)) + " needle " + " ".join(f"tail{n}" for n in range(200))
    found = excerpt(text, parse_query("needle"), width=80)
    assert found.before and found.after and len(found.text) <= 100
    assert found.text.split()[0].startswith("word") and found.text.split()[-1][:4] == "tail"
    assert [found.text[a:b] for a, b in found.marks] == ["needle"]


def test_a_phrase_is_marked_only_where_its_words_stand_together() -> None:
    found = excerpt("on the call, then on call", parse_query('"on call"'))
    assert [found.text[a:b] for a, b in found.marks] == ["on call"]
    assert found.marks[0][0] == len("on the call, then ")
