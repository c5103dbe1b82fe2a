"""Swedish-aware text processing: tokens, stop words, stems and TF-IDF similarity.

Swedish (``"sv"``) and English (``"en"``) get stop words and Snowball stemming. Any other
language falls back to unstemmed words, and runs of Chinese or Japanese characters (which
have no spaces) become overlapping character bigrams, so that e.g. the vTaiwan data still
yields sensible similarities and theme labels.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from operator import add

import numpy as np
import snowballstemmer
from scipy import sparse

from dialog.analysis.neighbours import entries, row_blocks, top_k_mask, unique_pairs

STEMMED_LANGUAGES: dict[str, str] = {"sv": "swedish", "en": "english"}
# Cosine thresholds tuned on the Polis open data: with stemmed words, 0.25 links
# near-duplicates and topical neighbours of short statements; character bigrams spread
# the weight of a text over many more terms, so the same kind of neighbour scores ~half.
DEFAULT_SIMILARITY_THRESHOLD = 0.25
BIGRAM_SIMILARITY_THRESHOLD = 0.12
#: Each text links to at most this many most similar texts of its own choosing.
SIMILAR_TOP_K = 5

# Han ideographs, kana and CJK compatibility ideographs: scripts written without spaces.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN_RE = re.compile(rf"([{_CJK}]+)|([^\W_{_CJK}]+)")
_CJK_START = re.compile(rf"[{_CJK}]")


def default_similarity_threshold(language: str) -> float:
    """Return the tuned cosine threshold for a language (stemmed words vs bigrams)."""
    if language in STEMMED_LANGUAGES:
        return DEFAULT_SIMILARITY_THRESHOLD
    return BIGRAM_SIMILARITY_THRESHOLD


def tokenize(text: str) -> list[str]:
    """Split text into lowercase runs of unicode letters and digits (å, ä, ö kept).

    A run of CJK characters is returned as one token; ``analyze`` splits it into bigrams.
    """
    return [m.group(0) for m in _TOKEN_RE.finditer(text.lower())]


@lru_cache(maxsize=8)
def stopwords(language: str) -> frozenset[str]:
    """Return the stop words for a language (empty for languages without a list)."""
    if language not in STEMMED_LANGUAGES:
        return frozenset()
    raw = resources.files("dialog.analysis").joinpath("stopwords").joinpath(f"{language}.txt")
    words = (line.strip().lower() for line in raw.read_text(encoding="utf-8").splitlines())
    return frozenset(w for w in words if w and not w.startswith("#"))


@lru_cache(maxsize=8)
def _stemmer(language: str) -> snowballstemmer.Stemmer | None:
    algorithm = STEMMED_LANGUAGES.get(language)
    return snowballstemmer.stemmer(algorithm) if algorithm else None


_STEM_CACHE: dict[str, dict[str, str]] = {}


def stem(word: str, language: str) -> str:
    """Return the Snowball stem of a lowercase word (the word itself for other languages)."""
    cache = _STEM_CACHE.setdefault(language, {})
    result = cache.get(word)
    if result is None:
        stemmer = _stemmer(language)
        result = stemmer.stemWord(word) if stemmer is not None else word
        if len(cache) < 200_000:
            cache[word] = result
    return result


def _is_cjk(token: str) -> bool:
    return _CJK_START.match(token) is not None


def _analyze(text: str, language: str) -> tuple[list[str], list[tuple[str, str]]]:
    """Return the terms of a text and the ``(stem, word)`` pairs of its stemmed words."""
    stops = stopwords(language)
    terms: list[str] = []
    words: list[tuple[str, str]] = []
    for token in tokenize(text):
        if _is_cjk(token):
            terms.extend(map(add, token[:-1], token[1:]) if len(token) > 1 else (token,))
        elif len(token) >= 2 and token not in stops:
            term = stem(token, language)
            terms.append(term)
            words.append((term, token))
    return terms, words


def analyze_pairs(text: str, language: str = "sv") -> list[tuple[str, str]]:
    """Return ``(term, surface form)`` pairs in text order: stop words dropped, words stemmed.

    CJK runs give character bigrams (a lone character stands for itself); other tokens
    shorter than two characters are dropped.
    """
    terms, words = _analyze(text, language)
    surface = iter(words)
    return [(t, next(surface)[1]) if not _is_cjk(t) else (t, t) for t in terms]


class Analyzer:
    """Callable analyzer for ``TfidfVectorizer`` that remembers each term's surface forms."""

    def __init__(self, language: str = "sv") -> None:
        self.language = language
        self.surface_counts: Counter[tuple[str, str]] = Counter()

    def __call__(self, text: str) -> list[str]:
        terms, words = _analyze(text, self.language)
        self.surface_counts.update(words)
        return terms

    def surface_forms(self) -> dict[str, str]:
        """Map each stem to its most frequent surface form (ties: alphabetically first).

        CJK bigrams are their own surface form and are left out.
        """
        best: dict[str, tuple[int, str]] = {}
        for (term, surface), count in self.surface_counts.items():
            current = best.get(term)
            if current is None or (-count, surface) < (-current[0], current[1]):
                best[term] = (count, surface)
        return {term: surface for term, (_, surface) in best.items()}


@dataclass
class TextVectors:
    """TF-IDF vectors of a list of texts (rows L2-normalised, so dot product = cosine)."""

    matrix: sparse.csr_matrix
    terms: list[str]
    surface: dict[str, str] = field(default_factory=dict)
    texts: list[str] = field(default_factory=list)

    @property
    def doc_freq(self) -> np.ndarray:
        """Number of texts containing each term."""
        return np.bincount(self.matrix.indices, minlength=len(self.terms))

    def top_terms(self, rows: Sequence[int], n: int = 3, max_df: float = 0.5) -> list[str]:
        """Return the ``n`` terms with the highest summed TF-IDF over ``rows``, for display.

        Terms are shown in their most frequent surface form. In corpora of 20 or more texts,
        terms found in more than ``max_df`` of all texts ("I think", "UBI") are skipped as
        uninformative. Adjacent CJK bigrams are merged when the merged string occurs in a
        member text (计程 + 程车 -> 计程车).
        """
        if not rows or not self.terms:
            return []
        sums = np.asarray(self.matrix[list(rows)].sum(axis=0)).ravel()
        if self.matrix.shape[0] >= 20:
            sums[self.doc_freq > max_df * self.matrix.shape[0]] = 0.0
        candidates = np.flatnonzero(sums > 0)
        # Vocabulary indices are in alphabetical order, so they break ties alphabetically.
        order = candidates[np.lexsort((candidates, -np.round(sums[candidates], 9)))]
        member_texts = [self.texts[r].lower() for r in rows] if self.texts else []
        labels: list[str] = []
        for j in order.tolist():
            term = self.surface.get(self.terms[j], self.terms[j])
            if not _merge_bigram(labels, term, member_texts):
                labels.append(term)
            if len(labels) >= n:
                break
        return labels


def _merge_bigram(labels: list[str], term: str, texts: Sequence[str]) -> bool:
    """Merge a CJK bigram into an overlapping label if the result occurs in the texts."""
    if len(term) != 2 or not _is_cjk(term):
        return False
    for k, label in enumerate(labels):
        if not _is_cjk(label):
            continue
        if term in label:
            return True
        for merged in (label + term[1] if label[-1] == term[0] else "",
                       term[0] + label if label[0] == term[1] else ""):
            if merged and any(merged in text for text in texts):
                labels[k] = merged
                return True
    return False


def vectorize(texts: Sequence[str], language: str = "sv") -> TextVectors:
    """Fit a TF-IDF model (sublinear tf, smoothed idf, L2 norm) on the texts."""
    texts = list(texts)
    analyzer = Analyzer(language)
    # Imported here: scikit-learn takes about a second to import, and the CLI and server
    # start faster when only an analysis pays for it.
    from sklearn.feature_extraction.text import TfidfVectorizer

    vectorizer = TfidfVectorizer(analyzer=analyzer, sublinear_tf=True, token_pattern=None)
    try:
        matrix = sparse.csr_matrix(vectorizer.fit_transform(texts))
    except ValueError:  # empty vocabulary: every text was empty or stop words only
        return TextVectors(sparse.csr_matrix((len(texts), 0)), [], {}, texts)
    terms = [str(t) for t in vectorizer.get_feature_names_out()]
    return TextVectors(matrix, terms, analyzer.surface_forms(), texts)


def similar_pairs(
    vectors: TextVectors | sparse.csr_matrix,
    threshold: float = DEFAULT_SIMILARITY_THRESHOLD,
    top_k: int = SIMILAR_TOP_K,
) -> list[tuple[int, int, float]]:
    """Return ``(i, j, cosine)`` with ``i < j`` for each text's nearest neighbours.

    Each text keeps its ``top_k`` most similar texts at or above the threshold (ties: the
    earlier text), and a pair stays when either end keeps it. The cosines are sparse products
    taken a block of rows at a time, so memory stays bounded and only passing pairs are kept.
    """
    matrix = vectors.matrix if isinstance(vectors, TextVectors) else vectors
    n = matrix.shape[0]
    if matrix.shape[1] == 0 or n < 2:
        return []
    matrix = sparse.csr_matrix(matrix)
    transposed = matrix.T.tocsr()
    kept: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    for start, stop in row_blocks(n, n):
        rows, cols, data = entries(matrix[start:stop] @ transposed, start, threshold - 1e-12)
        best = top_k_mask(rows, cols, data, top_k)
        kept.append((rows[best], cols[best], data[best]))
    rows, cols, data = (np.concatenate(parts) for parts in zip(*kept, strict=True))
    low, high, first = unique_pairs(rows, cols, n)
    cosines = [round(min(c, 1.0), 6) for c in data[first].tolist()]
    return list(zip(low.tolist(), high.tolist(), cosines, strict=True))


def text_similarity_pairs(
    texts: Sequence[str],
    language: str = "sv",
    threshold: float = DEFAULT_SIMILARITY_THRESHOLD,
) -> list[tuple[int, int, float]]:
    """Vectorise the texts and return their similar pairs (convenience wrapper)."""
    return similar_pairs(vectorize(texts, language), threshold)
