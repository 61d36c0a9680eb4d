"""What the decision model sees of a unit: its words and the signals the old rules relied on."""

from __future__ import annotations

from summarizer.decisions import words
from summarizer.decisions.actors import attribution
from summarizer.decisions.mentions import Mention
from summarizer.decisions.units import Unit, cue_positions
from summarizer.gazetteers import fold

_CUES_SEEN = 4
_IF = fold("nếu")
# Cue classes that decide or direct; `plan` and unclassed cues (`thực hiện`, `cấp`) also describe.
_STRONG = frozenset(("agree", "direct", "approve", "sanction", "prosecute", "personnel", "stop"))
_LISTS = ("modals", "first_person", "opinion", "reporting", "background", "connectives")


def _bucket(value: int, edges: tuple[int, ...]) -> str:
    """The first edge the value stays under (`4` of (2, 4, 8) is `8`), or `+`."""
    return next((str(edge) for edge in edges if value < edge), "+")


def _cue_at(tokens: list[str], at: int) -> tuple[str, ...]:
    """The cue phrase that starts at token `at` (empty when none)."""
    return tuple(tokens[at : at + words.match_at("cues", tokens, at)])


def _cue_words(unit: Unit, cues: list[int]) -> list[str]:
    """Each cue, its class and the words around it."""
    tokens, out = unit.tokens, []
    for at in cues[:_CUES_SEEN]:
        cue = _cue_at(tokens, at)
        size = len(cue)
        out += ["cue:" + " ".join(cue), "class:" + words.cue_classes().get(cue, "other")]
        # The words around a cue tell a verb (`đã yêu cầu`) from a noun (`theo yêu cầu`).
        out.append("pre:" + (tokens[at - 1] if at else "^"))
        out.append("post:" + (tokens[at + size] if at + size < len(tokens) else "$"))
    return out


def _subject(unit: Unit, found: list[Mention], head: int) -> str:
    """What stands before the first cue: first person, a body, an official, or none."""
    if words.find("first_person", unit.tokens, max(0, head - 3), head):
        return "first_person"  # `Tôi giao …`, `chúng tôi đề nghị …`
    if words.find("bodies", unit.tokens, 0, head):
        return "body"
    return "official" if any(m.start < head for m in found) else "none"


def _around_head(unit: Unit, head: int) -> list[str]:
    """Who is addressed after the first cue, a hedge or a past frame before it, a count after."""
    tokens, out = unit.tokens, []
    if words.find("bodies", tokens, head + 1, head + 4):
        out.append("object_body")  # `yêu cầu Sở Y tế …`: someone is addressed
    if words.find("hedges", tokens, max(0, head - 4), head):
        out.append("hedged_cue")  # `chưa quyết định`, `nếu … yêu cầu`
    if words.find("background", tokens, 0, head):
        out.append("background_before_cue")
    # `đã khởi tố 120 vụ`: a count after the verb tells a statistic.
    if any(t.isdigit() for t in tokens[head + 1 : head + 4]):
        out.append("number_after_cue")
    return out


def _signals(unit: Unit, found: list[Mention], cues: list[int]) -> list[str]:
    """Cue verbs, their subject (a body, an official), modal, quote and background signals."""
    tokens = unit.tokens
    head = cues[0] if cues else len(tokens)
    subject = _subject(unit, found, head)
    out = [*_cue_words(unit, cues), "subject:" + subject, f"cues:{_bucket(len(cues), (1, 2, 3))}"]
    out.append("cue_at:" + (_bucket(head, (1, 4, 8, 14, 22)) if cues else "none"))
    if cues:
        first = _cue_at(tokens, head)
        kind = words.cue_classes().get(first, "other")
        out += [f"first_cue:{' '.join(first)}", f"subject_class:{subject}_{kind}"]
        out += [f"subject_cue:{subject}_{' '.join(first)}", *_around_head(unit, head)]
    if found:
        out.append("official")
    for name in _LISTS:
        for at in words.find(name, tokens):
            out.append(f"{name}:" + " ".join(tokens[at : at + words.match_at(name, tokens, at)]))
    return out


def _frame(unit: Unit, head: int) -> list[str]:
    """A condition before the verb, a year early on, a count of cases: no news decision."""
    tokens, out = unit.tokens, []
    if _IF in tokens[:head]:
        out.append("conditional")  # `Nếu Quốc hội quyết định dừng, …`
    if any(len(t) == 4 and t.isdigit() and t[:2] in ("19", "20") for t in tokens[:8]):
        out.append("year_early")  # `Năm 2003, …`: history
    if statistic(unit, head):
        out.append("count")  # `khởi tố 120 vụ`
    first = _cue_at(tokens, head)
    if words.find("parties", tokens, 0, head) and words.cue_classes().get(first) == "agree":
        out.append("parties_agree")  # `Hai bên nhất trí …`: an agreement between them
    return out


def statistic(unit: Unit, head: int) -> bool:
    """Whether the unit counts cases after its verb (`đã khởi tố 120 vụ`)."""
    tokens = unit.tokens
    return any(at and tokens[at - 1][:1].isdigit() for at in words.find("counters", tokens, head))


def agreement(unit: Unit) -> bool:
    """Two or more parties as the subject of an unhedged agreeing verb (`Hai bên nhất trí …`)."""
    tokens = unit.tokens
    if not words.find("parties", tokens):
        return False  # most units: no parties, no need to find the verbs
    cues = cue_positions(unit.text, tokens, unit.spans)
    if not cues:
        return False
    head = cues[0]
    first = _cue_at(tokens, head)
    parties = words.find("parties", tokens, 0, head)
    if not parties or words.cue_classes().get(first) != "agree":
        return False
    # The parties must be the verb's subject, only auxiliaries between (`Hai nước đã nhất trí`).
    at = parties[-1] + words.match_at("parties", tokens, parties[-1])
    while at < head and words.match_at("auxiliaries", tokens, at):
        at += words.match_at("auxiliaries", tokens, at)
    return at == head and not words.find("hedges", tokens, 0, head)


def tally(unit: Unit) -> bool:
    """A past or cumulative frame, then a count of cases: enforcement statistics, no decision."""
    cues = cue_positions(unit.text, unit.tokens, unit.spans)
    head = cues[0] if cues else len(unit.tokens)
    return statistic(unit, head) and bool(words.find("background", unit.tokens, 0, head))


def _shape(unit: Unit) -> list[str]:
    """Quotes, figures, questions, length and where the unit stands in the article."""
    text = unit.text
    digits = sum(ch.isdigit() for ch in text)
    out = [
        f"digits:{_bucket(digits, (1, 3, 6, 12))}",
        f"len:{_bucket(len(unit.tokens), (8, 15, 25, 40, 60))}",
        f"pos:{_bucket(unit.sentence, (1, 2, 3, 5, 8, 12, 20))}",
        f"rel:{_bucket(10 * unit.sentence // max(unit.sentences, 1), (2, 5, 8))}",
    ]
    if any(q in text for q in '“”"'):
        out.append("quote")
    if attribution(unit, []) is not None:
        out.append("attributed_quote")  # `“…”, ông A nói`
    if "%" in text:
        out.append("percent")
    if "?" in text:
        out.append("question")
    if text.rstrip().endswith(":"):
        out.append("colon_end")
    return out


def features(unit: Unit, found: list[Mention]) -> list[str]:
    """Binary features of a unit: rule signals and shape (no bag of words: it overfits)."""
    out = ["bias", "start:" + " ".join(unit.tokens[:2])]
    cues = cue_positions(unit.text, unit.tokens, unit.spans)
    head = cues[0] if cues else len(unit.tokens)
    return out + _signals(unit, found, cues) + _shape(unit) + _frame(unit, head)


def difficulty(unit: Unit) -> bool:
    """A difficulty stated before any deciding verb (`Hạ tầng … chưa bảo đảm …`): an assessment."""
    tokens = unit.tokens
    trouble = words.find("difficulties", tokens)
    if not trouble:
        return False  # most units: no need to find the verbs
    cues = cue_positions(unit.text, tokens, unit.spans)
    strong = [at for at in cues if words.cue_classes().get(_cue_at(tokens, at)) in _STRONG]
    return not strong or trouble[0] < strong[0]
