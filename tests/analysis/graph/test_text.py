"""Text processing: Swedish tokens, stop words, stems and TF-IDF similarity."""

from __future__ import annotations

import pytest

from dialog.analysis.text import (
    analyze_pairs,
    default_similarity_threshold,
    stem,
    stopwords,
    text_similarity_pairs,
    tokenize,
    vectorize,
)


def terms(text: str, language: str = "sv") -> list[str]:
    return [term for term, _ in analyze_pairs(text, language)]


def test_tokenize_lowercases_and_keeps_swedish_letters() -> None:
    tokens = tokenize("Är ÅNGBÅTEN öppen? Nej, 24/7!")
    assert tokens == ["är", "ångbåten", "öppen", "nej", "24", "7"]


def test_stemming_folds_trygghet_forms() -> None:
    assert stem("tryggheten", "sv") == stem("trygghet", "sv")
    assert terms("Tryggheten")[0] == terms("trygghet")[0]


def test_swedish_stop_words_are_dropped() -> None:
    assert {"och", "att", "det", "är", "vi", "inte"} <= stopwords("sv")
    assert terms("Det är viktigt att vi och de inte glömmer belysningen") == [
        stem("viktigt", "sv"), stem("glömmer", "sv"), stem("belysningen", "sv")
    ]


def test_english_is_stemmed_with_its_own_stop_words() -> None:
    assert terms("The drivers should be driving safely", "en") == ["driver", "drive", "safe"]
    assert "the" not in stopwords("sv")


def test_unknown_language_falls_back_to_character_bigrams() -> None:
    assert terms("計程車 uber", "zh") == ["計程", "程車", "uber"]
    assert stopwords("zh") == frozenset()


def test_surface_form_is_the_most_frequent_spelling() -> None:
    vectors = vectorize(["Tryggheten i parken", "trygghet i parken", "Trygghet och ljus"])
    assert vectors.surface[stem("trygghet", "sv")] == "trygghet"


def test_similar_swedish_sentences_link_and_unrelated_ones_do_not() -> None:
    texts = [
        "Parken behöver bättre belysning på kvällarna.",
        "Belysningen i parken är för dålig på kvällen.",
        "Skolmaten borde innehålla mer vegetariskt.",
    ]
    pairs = {(i, j): cosine for i, j, cosine in text_similarity_pairs(texts, "sv")}
    assert (0, 1) in pairs
    assert pairs[0, 1] >= default_similarity_threshold("sv")
    assert (0, 2) not in pairs
    assert (1, 2) not in pairs


def test_chinese_near_duplicates_link() -> None:
    texts = ["我覺得計程車的服務品質不好", "計程車的服務品質不好", "應該要投保乘客責任險"]
    pairs = {(i, j) for i, j, _ in text_similarity_pairs(texts, "zh")}
    assert pairs == {(0, 1)}


def test_empty_texts_give_no_pairs() -> None:
    assert text_similarity_pairs(["", "och att", "!!"], "sv") == []


@pytest.mark.parametrize("language", ["sv", "en", "zh"])
def test_identical_texts_have_cosine_one(language: str) -> None:
    pairs = text_similarity_pairs(["trygg park 計程車", "trygg park 計程車"], language)
    assert pairs == [(0, 1, 1.0)]
