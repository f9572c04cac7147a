"""Dutch text analysis: tokens, stop words and snowball stems, shared by search and matching."""
import re
from functools import lru_cache

import snowballstemmer

from .normalize import fold

_TOKEN = re.compile(r"[a-z0-9]+")
# snowballstemmer 3 renamed the classic Snowball Dutch stemmer to "dutch_porter"; its new
# "dutch" strips the prefix ge- (gemeenten -> meen, gezin -> zin), which hurts this domain.
_STEMMER = snowballstemmer.stemmer("dutch_porter")

# Common Dutch function words; they carry no meaning for matching a project to support.
STOP_WORDS = frozenset(
    """aan al als bij dan dat de deze die dit door een en er het hij hoe ik in is je kan
    met naar niet nog of om onze ook op over te tot u uit van voor wat we wij wie wil zal
    ze zij zijn zo ons onze mijn hun haar heeft hebben worden wordt werd meer veel
    willen moet moeten kunnen kunt graag zonder""".split()
)


# Longer "words" are noise (pasted hashes, keyboard mashing); splitting them costs O(n²).
MAX_TOKEN = 40


def tokens(text: str) -> list[str]:
    """Folded word tokens without stop words ('Taalcafé in Wemmel' -> ['taalcafe', 'wemmel'])."""
    return [t for t in _TOKEN.findall(fold(text or "")) if t not in STOP_WORDS and 1 < len(t) <= MAX_TOKEN]


@lru_cache(maxsize=100_000)
def stem(token: str) -> str:
    return _STEMMER.stemWord(token)


def stems(text: str) -> list[str]:
    return [stem(t) for t in tokens(text)]
