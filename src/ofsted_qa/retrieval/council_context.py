"""When a council's name that is also an ordinary word ("Reading", "Beds": a word the documents
use in lower case mid-sentence, `council_question.ordinary_in`) names the council: the words
around it say so where its case cannot, as at the start of a question ("Reading 2016 agency
social workers" against "Reading age of children in care").

A place is followed by what an ordinary word is not: a year ("Reading 2016", "bury 2019"), a
word that follows a council's name (the rest of the index's own council spellings, "Reading
Borough Council", "Medway Children's Services"; the `after` list of `council_names.json`,
"Reading Ofsted", "Reading LSCB"), one of the field's acronyms in capitals ("Reading MASH"), or
another council by a joining word ("Reading and Slough"). These count in any case ("reading
2016" is the council: the documents never write the word "reading" before a year). Written with
a capital, the name also counts as the whole question ("Reading?") or before a colon or a dash
("Reading: care leavers", "Bath - MASH"), where a lower-case word is still a topic.

Leading the question, in any case, the name is also a place before one of the field's services
(the `topics` of `council_names.json`: "reading care leavers", "bury fostering 2019", "reading
children in need of protection"), its possessive too ("reading's fostering"): a question never
opens on the activity so ("reading age of children in care", "reading's role in education"
stay words). Before
an article it is a verb, whatever the documents say of the word ("bury the bad news", "Reading
the 2016 report").
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Sequence

from ofsted_qa.ingest.facts.authorities import name_key
from ofsted_qa.retrieval.councils import Councils
from ofsted_qa.retrieval.inspection_refs import references
from ofsted_qa.retrieval.years import parse_years

_WORD = re.compile(r"[^\W_]+")
# a colon, or a dash with a space on either side: "Reading: ...", "Bath - MASH", "Bath— MASH"
_BREAK = re.compile(r"^\s*:|^\s*[-\u2010-\u2015]+\s|^\s+[-\u2010-\u2015]+")
_END = re.compile(r"^[\s?.!]*$")
_ARTICLES = frozenset({"the", "a", "an", "their", "its", "our", "your", "his", "her", "this"})


def words_of(text: str) -> tuple[str, ...]:
    """Words as a question's tokens give them: lower case, a possessive's "s" dropped
    ("Children's services" -> ("children", "services"))."""
    return tuple(w for w in _WORD.findall(name_key(text)) if w != "s")


class PlaceCues:
    """The words after a name that make it a council's: `councils` (the rest of each spelling
    after its place: "borough council", "children s services"), `after` (phrases of the data
    file), `acronyms` (the field's, counted when written in capitals)."""

    def __init__(
        self,
        councils: Councils,
        after: Iterable[str],
        acronyms: Collection[str],
        topics: Iterable[str] = (),
    ):
        rests: set[tuple[str, ...]] = set()
        for council in councils.all:
            for spelling in council.spellings:
                key = name_key(spelling).removeprefix("the ")
                if key.startswith(f"{council.core} "):
                    rests.add(words_of(key[len(council.core) :])[:2])  # "county council"
        self._after = {p for p in rests | {words_of(a) for a in after} if p}
        self._acronyms = {a.lower() for a in acronyms}
        self._topics = {p for p in (words_of(t) for t in topics) if p}

    def follows(self, words: Sequence[str], caps: bool) -> bool:
        """`words` (lower case, from the word after the name on) begin with a council's word
        ("council", "children services"), a year, or (`caps`: the next word is in capitals) one
        of the field's acronyms."""
        if not words:
            return False
        if parse_years(words[0])[0]:
            return True
        if caps and words[0] in self._acronyms:
            return True
        return any(tuple(words[: len(p)]) == p for p in self._after)

    def leads(self, words: Sequence[str]) -> bool:
        """A name leading the question (`words`: lower case, from the word after it on, a
        possessive's "s" dropped) is a place: they start with one of the `topics`."""
        return any(tuple(words[: len(p)]) == p for p in self._topics)

    def verb(self, words: Sequence[str], ordinary: bool, name: str = "") -> bool:
        """A name leading the question is a verb: an article or a pronoun's possessive next
        ("bury the bad news", "reading their plans"), unless, for a name the documents do not use
        as an ordinary word, a council's word, a topic or an inspection named comes later ("kent the
        last inspection", "bury the care leavers report", "sandwell the one before last"), or
        its inspection by order alone (`name`, as typed: "stockport the latest")."""
        if not words or words[0] not in _ARTICLES:
            return False
        text = " ".join((name, *words)) if name else " ".join(words)
        if not ordinary and references(text, (name,) if name else ()):
            return False  # "sandwell the one before last", "stockport the latest"
        return ordinary or not any(
            tuple(words[at : at + len(p)]) == p
            for at in range(len(words))
            for p in self._after | self._topics
        )

    @staticmethod
    def set_apart(gap: str, rest: str) -> bool:
        """The name stands apart as a heading: the question's whole text (`rest` after it is
        only punctuation), or `gap` (the text between it and the next word) is a colon or a
        spaced dash."""
        return bool(_END.match(rest) or _BREAK.match(gap))
