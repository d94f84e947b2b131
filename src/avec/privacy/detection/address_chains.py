"""An address line's chain of comma-separated parts, as one ``ADRESSE``.

"5 résidence des Mimosas, appt 14", "HLM Les Sorbiers, bât. 2, 8 allée des Pins", "Résidence Le
Clos, bât. E, 2e ét., appt 31", "Les Terrasses du Lac, villa 9, 3 allée X", "12 rue X, résidence
Y, bât. B, 1er ét. porte droite", "RES. LES PINS, BAT 4, APP 12", "Quartier X, 9 rue Y, appt 3":
by the conventions of docs/privacy-detection.md a residence or an estate, its building, floor or
flat parts and its street are ONE span when at least one such part is written. The other address
rules read the pieces (a house number before "résidence", a floor written "4e ét.", a flat after
the street, a capitals export were left out); this recognizer, ranked above them, reads the chain
from each building or flat part outwards, one comma-separated segment at a time, and keeps it when
it holds a residence or a numbered street. A chain without a street may end on a floor only when it
opens on the estate and the address ends there ("cité la rose, bât. H, 2e ét. 13013 marseille");
a part closing its sentence ends the chain ("…, tour 14, 9e étage. Marié …"). Round 19: estates in
lower case ("rés. le mistral") and streets after "au" open a chain. Hand-written: no offline library
parses French address complements.
"""

from __future__ import annotations

import re

from avec.privacy.detection.place_patterns import UP
from avec.privacy.detection.registry import DetectionContext, recognizer
from avec.privacy.spans import Span

_WORD = r"[" + UP + r"][\w'’]*(?:-[\w'’]+)*"
_CONNECT = r"(?:(?i:de[ \t]+la|de[ \t]+l['’]|du|des|de|d['’]|les|le|la|l['’]|aux|à|et|sur)(?:(?<=['’])|[ \t]+))"
_NAME = r"(?:" + _CONNECT + r")?" + _WORD + r"(?:[ \t]+(?:" + _CONNECT + r")?" + _WORD + r"){0,4}"
# A residence, an estate or a housing block with its name, maybe after its house number.
# A residence's name in a lower-case note opens with its article: "rés. le mistral", "cité la rose".
_LOWER_NAME = r"(?:le|la|les|l['’])[ \t]*[a-zà-ÿ][\w'’]*(?:-[\w'’]+)*(?:[ \t]+[a-zà-ÿ][\w'’]*(?:-[\w'’]+)*){0,2}"
_KIND = re.compile(
    r"(?<![\w-])(?:\d{1,4}(?:[ \t]?(?i:bis|ter))?[ \t]+)?(?i:r[ée]sidence|r[ée]s\.|cit[ée]|HLM|lotissement|lot\.|"
    r"domaine|hameau|immeuble|imm\.|quartier)"
    r"(?:[ \t]+(?i:universitaire|sociale|services|seniors?|autonomie))?[ \t]+(?:" + _NAME + r"|" + _LOWER_NAME + r")"
)
_KIND_GLUED = re.compile(_KIND.pattern + r"[ \t]+\Z")
# A building, stair, floor, flat or door part: "bât. B", "BAT 3", "appt 42", "APP 21", "4e ét.", "villa 6".
_PART = re.compile(
    r"(?i:b[âa]t(?:iment)?\.?|appt?\.?|apt\.?|appartement|app\.?|esc(?:alier)?\.?|villa|logement|logt\.?|"
    r"entr[ée]e|tour)[ \t]*(?:n°[ \t]*)?[A-Z0-9]{1,4}(?![\w'’])"
    # a floor, maybe with its side or door: "4e ét.", "2e étage gauche", "3e gauche", "3e ét. porte gauche"
    r"|\d{1,2}[ \t]?(?:e|er|ère|ème|è)(?:[ \t]+(?i:[ée]tage|[ée]t\.?))?"
    r"(?:[ \t]+(?i:porte)[ \t]+(?i:gauche|droite|[A-Z0-9]{1,3})|[ \t]+(?i:gauche|droite|g|d))?(?![\w'’])"
    r"|(?i:porte)[ \t]+(?:(?i:gauche|droite)|\d{1,4}(?![\w'’]))|(?i:tour)[ \t]+[" + UP + r"][\w'’\-]+"
    r"|(?i:rez-de-chauss[ée]e|rdc)(?:[ \t]+(?i:gauche|droite))?"
)
_PARTS = re.compile(r"(?:" + _PART.pattern + r")(?:[ \t]+(?:" + _PART.pattern + r"))*")
_CAPS_TAIL = re.compile(r"(?:[ \t]+[A-ZÀ-Ý][A-ZÀ-Ý'’\-]{2,})+\Z")
_FLOOR = re.compile(r"(?i)\d{1,2}[ \t]?(?:e|er|ère|ème|è)[ \t]+[ée]t")
_STREET_TYPE = (
    r"(?i:rue|avenue|av\.|all[ée]e|chemin|route|impasse|boulevard|bd|place|square|quai|cours|passage|voie|sentier|"
    r"mont[ée]e|traverse|esplanade)"
)
_STREET = re.compile(
    r"(?P<number>\d{1,4}(?:[ \t]?(?i:bis|ter))?,?[ \t]+)?" + _STREET_TYPE + r"[ \t]+[^,\n–—;|()]{1,50}"
)
# A street followed by more words: "9 rue du Colonel X à Lorient (06 ...)" ends before " à ", "(" or a digit.
_STREET_HEAD = re.compile(
    r"\d{1,4}(?:[ \t]?(?i:bis|ter))?,?[ \t]+" + _STREET_TYPE + r"(?:[ \t]+(?!(?:à|a|au|tél|tel)\b)[^\s,(\d]+){1,6}"
)
# A named place heading the chain after an address label: "Adresse : Les Terrasses du Lac, villa 9, ...".
_BARE = re.compile(r"(?:Les|Le|La|L['’])[ \t]*" + _NAME + r"|" + _WORD)
_LABEL_BEFORE = re.compile(r"(?i)(?:adresse[^\n:]{0,30}|domicile)[ \t]*[:\-–][ \t]*\Z")
# Where a chain's first segment may open: the line's start, a colon, a dash, a column gap, a bracket.
_OPEN_BEFORE = re.compile(
    r"(?:^|[:(|;]|[ \t][-–—]|[ \t]{2}|(?i:\b(?:domicili[ée]e?s?|demeurant|r[ée]sidant|domicile|logement|habite|au|"
    r"chez[ \t]+\w+|"
    r"est|sont)))[ \t]*\Z"
)
_FOLDED_GATE = re.compile(
    r"\b(?:bat(?:iment)?|appt?|apt|appartement|villa|logt?|logement|escalier|esc|entree|tour|porte|rdc)\b"
    r"|(?<!\d)\d{1,2} ?(?:e|er|ere|eme) +et"
)


# Without a street, the parts end the address: a postcode, the end of a line or of a cell follows.
_CLOSE_AFTER = re.compile(
    r"[ \t]*(?:,[ \t]*\d{5}(?!\d)|\d{5}(?!\d)|$|[;|)]|[ \t]?[–—][ \t]|[ \t]-[ \t]|[ \t]{2})", re.M
)


def _segment_kind(seg: str, first: bool, label: bool) -> str | None:
    """What a trimmed segment is: "kind", "part", "floor", "street", "bare" (first after a label), or None."""
    if _PARTS.fullmatch(seg):
        return "floor" if _FLOOR.match(seg) else "part"
    if _KIND.fullmatch(seg):
        return "kind"
    street = _STREET.fullmatch(seg)
    # (a street without its number only after a part: "bât. 4, appt 2, avenue X"; "montée d'escaliers" stays)
    if (
        street
        and (street.group("number") or not first)
        and not seg.rstrip().endswith((" et", " ou"))
        and not re.search(r"\d{5}|\d[ \t]?\d{2}[ .]\d{2}", seg[street.end("number") if street.group("number") else 0 :])
    ):
        return "street"
    if first and label and _BARE.fullmatch(seg) and len(seg) <= 40 and not _STREET.match(seg):
        return "bare"
    return None


# The end of a sentence after a building or floor part: "9e étage. Marié à …", "3e ét. ?".
_SENTENCE_END = re.compile(r"[.?!…](?=[ \t]|\Z)")


def _last_part(seg: str) -> str | None:
    """A segment's building or floor part closing its sentence ("9e étage. Il …"), without what follows."""
    for stop in _SENTENCE_END.finditer(seg):
        for head in (seg[: stop.end()], seg[: stop.start()]):  # "3e ét." keeps its dot, "9e étage." not
            head = head.rstrip()
            if head and _PARTS.fullmatch(head):
                return head
        break
    return None


def _chain(text: str, part: re.Match[str]) -> tuple[int, int] | None:
    line_start = text.rfind("\n", 0, part.start()) + 1
    line_end = text.find("\n", part.end())
    line_end = len(text) if line_end < 0 else line_end
    kinds = ["floor" if _FLOOR.match(part.group(0)) else "part"]
    start, end = part.start(), part.end()
    # "résidence les Tilleuls bat D appt 12": the estate before its parts without a comma
    glued = _KIND_GLUED.search(text, max(line_start, start - 80), start)
    if glued is not None and (
        _OPEN_BEFORE.search(text, line_start, glued.start())
        or re.search(r",[ \t]*\Z", text[line_start : glued.start()])
    ):
        kinds.insert(0, "kind")
        start = glued.start()
    # leftwards: the segment between the previous comma (or an opening mark) and this one's comma
    while (comma := re.search(r",[ \t]*\Z", text[line_start:start])) is not None:
        seg_end = line_start + comma.start()
        prev = text.rfind(",", line_start, seg_end)
        seg_start = line_start if prev < 0 else prev + 1
        raw = text[seg_start:seg_end]
        found = None
        first = len(raw) - len(raw.lstrip())
        for m in re.finditer(r"\S", raw):  # the longest tail of the segment that is a segment
            seg = raw[m.start() :].rstrip()
            opened = _OPEN_BEFORE.search(text, line_start, seg_start + m.start()) is not None
            if m.start() > first and not opened:
                continue
            label = _LABEL_BEFORE.search(text, line_start, seg_start + m.start()) is not None
            # (a named estate opening its line heads the chain too: "Les Jardins de X, bât. B, 2 rue Y")
            label = label or (seg_start + m.start() == line_start and raw[:1] in "LR")
            kind = _segment_kind(seg, True, label)
            if kind is not None:
                found = (seg_start + m.start(), kind, m.start() > first or prev < 0)
                break
        if found is None:
            break
        start, kind, closed = found[0], found[1], found[2]
        kinds.insert(0, kind)
        if closed:
            break
    # rightwards: the next segments after a comma, each up to the next comma or the chain's end
    while (comma := re.match(r"[ \t]*,[ \t]*", text[end:line_end])) is not None:
        seg_start = end + comma.end()
        nxt = re.search(r",|[ \t]{2}|[ \t][–—-][ \t]|[;|]|[ \t]\d{5}(?!\d)", text[seg_start:line_end])
        seg_end = line_end if nxt is None else seg_start + nxt.start()
        seg = text[seg_start:seg_end].rstrip()
        if re.search(r"[a-zà-ÿ]", seg):  # "2 rue Pasteur FOUGERES": the commune in capitals is no street word
            seg = _CAPS_TAIL.sub("", seg)
        kind = _segment_kind(seg, False, False)
        if kind is None and (last := _last_part(seg)) is not None:
            kinds.append("floor" if _FLOOR.match(last) else "part")  # "…, tour 14, 9e étage. Marié à …"
            end = seg_start + len(last)
            break
        if kind is None and (street := _STREET_HEAD.match(seg)) is not None:
            kinds.append("street")  # "9 rue X à Lorient (06 ...)": the street ends the chain
            end = seg_start + len(street.group(0).rstrip())
            break
        if kind is None or kind == "bare":
            break
        kinds.append(kind)
        end = seg_start + len(seg)
    if len(kinds) < 2 or not ({"kind", "street"} & set(kinds)) or "part" not in kinds:
        return None  # "27 cours X, 3e étage": a floor alone after a street stays out (the older sets)
    if "street" not in kinds and (kinds[-1] == "floor" and kinds[0] != "kind" or not _CLOSE_AFTER.match(text, end)):
        # "Résidence X, esc. 2, Douleur ...": no address end; "bât. A2, 3e étage" alone: no estate.
        # (an estate, its building and floor closing the address are one span, as the estate rule
        # marks capitalised ones: "cité la rose, bât. H, 2e ét. 13013 marseille")
        return None
    return start, end


@recognizer("address_chain", 86)
def find_address_chains(ctx: DetectionContext) -> list[Span]:
    """A residence or a street with its building, floor or flat parts, comma-separated, as one ``ADRESSE``."""
    text = ctx.text
    out: list[Span] = []
    last_end = -1
    for gate in _FOLDED_GATE.finditer(ctx.folded):  # (the folded copy keeps the offsets; no IGNORECASE scan)
        if gate.start() < last_end:
            continue
        part = _PARTS.match(text, gate.start())
        if part is None:
            continue
        bounds = _chain(text, part)
        if bounds is not None:
            out.append(Span(bounds[0], bounds[1], "ADRESSE", 0.9, "address_chain"))
            last_end = bounds[1]
    return out
