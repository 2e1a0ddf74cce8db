"""newsnorm.text.literals: a prefix-grouped pattern finds what the flat alternation finds."""

from __future__ import annotations

import re

import pytest

from newsnorm.text.literals import any_of

WORDS = ("abo", "abonn", "sign", "subscri", "suscr", "(c)", "©", "app", "réag")


@pytest.mark.parametrize(
    "text",
    ["sign in", "Abonnieren", "an apple", "(c) 2026", "© 2026", "réagissez", "susurro",
     "nothing here", "", "subscribe now", "a b o"],
)  # fmt: skip
def test_any_of_finds_what_the_flat_alternation_finds(text):
    flat = re.compile("|".join(map(re.escape, WORDS)))
    assert bool(any_of(WORDS).search(text.casefold())) == bool(flat.search(text.casefold()))


def test_a_word_that_begins_another_is_enough():
    assert any_of(("abo", "abonn")).pattern == "abo"
