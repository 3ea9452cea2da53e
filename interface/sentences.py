"""Findings put in words: the analytics and the loaders return codes, ids
and numbers; these functions write the sentence, in the user's language,
for the app and the command line alike. `name_of(id)` gives the name to
show for an id (see names_in)."""
from __future__ import annotations

from graph.model import CONTACT_FIELDS
from interface.i18n import t


def names_in(graph):
    """id -> its name in `graph` (the id itself when it is not there)."""
    nodes = graph.nodes

    def name_of(node):
        return nodes[node].get("name", node) if node in nodes else str(node)
    return name_of


def number(value, lang: str) -> str:
    """20 000 (a narrow no-break space) in French, 20,000 in English; a
    decimal comma in French; four significant digits, with no exponent from
    0.0001 up (20 000,7 is 20 001, not 2e+04).

    >>> number(20000, "fr"), number(20000, "en"), number(0.25, "fr")
    ('20\u202f000', '20,000', '0,25')
    >>> number(20000.7, "fr"), number(3.14159, "en"), number(0.000123, "fr")
    ('20\u202f001', '3.142', '0,000123')
    """
    if isinstance(value, float) and abs(value) >= 1000:
        text = f"{value:,.0f}"
    elif isinstance(value, float) and 0 < abs(value) < 1e-4:
        text = f"{value:.2e}"
    else:
        text = f"{value:,}" if isinstance(value, int) else f"{value:,.4g}"
    if lang == "fr":
        text = text.replace(",", "\u202f").replace(".", ",")
    return text


MONTHS = {"fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
                  "novembre", "décembre"),
          "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                 "November", "December")}


def moment(iso: str | None, lang: str) -> str:
    """A date and time as people write them, in local time.

    >>> moment("2026-12-01T14:05:00+00:00", "fr").startswith("1er décembre 2026")
    True
    """
    from datetime import datetime
    if not iso:
        return "—"
    try:
        when = datetime.fromisoformat(str(iso)).astimezone()
    except ValueError:
        return str(iso)
    month = MONTHS[lang if lang in MONTHS else "fr"][when.month - 1]
    if lang == "en":
        return f"{when.day} {month} {when.year}, {when:%H:%M}"
    day = "1er" if when.day == 1 else str(when.day)
    return f"{day} {month} {when.year}, {when.hour} h {when.minute:02d}"


def listing(names, lang: str, most: int = 3) -> str:
    """'A, B, C et 2 autre(s)'."""
    names = list(names)
    text = ", ".join(names[:most])
    return t("list.more", lang, names=text, count=len(names) - most) if len(names) > most else text


def word(prefix: str, value, lang: str) -> str:
    """The word for a value of the vocabulary (`sphere`, `kind`, ...)."""
    key = f"{prefix}.{value}"
    text = t(key, lang)
    return str(value) if text == key else text


def sphere(value, lang: str) -> str:
    """A sphere inside a sentence: « pouvoirs publics »."""
    text = word("sphere", value, lang)
    return text[:1].lower() + text[1:]


def reason(item: dict, name_of, lang: str) -> str:
    """One piece of evidence of a suggested pair (partners.evidence)."""
    code, ids = item["code"], item.get("ids", [])
    if code in ("partners", "co_member", "co_event"):
        return t(f"reason.{code}", lang, count=len(ids), names=listing(map(name_of, ids), lang))
    if code == "themes":
        return t("reason.themes", lang, names=listing(map(name_of, ids), lang))
    if code == "paired":
        return t("reason.paired", lang, here=name_of(ids[0]), there=name_of(ids[1]))
    if code == "same_place":
        return t("reason.same_place", lang, place=name_of(ids[0]))
    if code == "sphere":
        return t("reason.sphere", lang, sphere=sphere(item["sphere"], lang))
    return t(f"reason.{code}", lang)


def support(level: int, lang: str) -> str:
    """A suggestion's support as dots and words: « ●●○ appui moyen »."""
    return f"{'●' * level}{'○' * (3 - level)} {t(f'support.{level}', lang)}"


def duplicate_evidence(item: dict, lang: str) -> str:
    """One piece of evidence that two organisations may be one."""
    return t(f"duplicate.{item['code']}", lang, **{k: v for k, v in item.items() if k != "code"})


def reasons(items, name_of, lang: str, most: int | None = None) -> list:
    """The evidence of a pair in words, strongest first (`most` lines at most)."""
    return [reason(item, name_of, lang) for item in items[:most]]


def source(text: str, titles: dict) -> str:
    """A source as a reader knows it: the document's title when it has one
    ("003_b15….txt § Session 1" -> "Compte rendu … — Session 1")."""
    doc, _, passage = str(text).partition(" § ")
    title = titles.get(doc.strip())
    if title is None:
        return str(text)
    return f"{title} — {passage}" if passage else title


def field(name: str, lang: str) -> str:
    """A field of an element, in words ("acronym" -> "Sigle")."""
    return word("field", name, lang)


def path(ids, name_of) -> str:
    """An introduction path: 'EMDK → Grdr → Cap Solidarités'."""
    return " → ".join(name_of(i) for i in ids)


def tie_reason(reason_: tuple, name_of, lang: str) -> str:
    """Why two organisations are tied in the actor graph: (kind, via)."""
    kind, via = reason_
    if kind == "RELATED_TO":
        return t("tie_reason.RELATED_TO", lang, label=via or t("relation.RELATED_TO", lang))
    if via is None:
        return t(f"tie_reason.{kind}", lang)
    return t(f"tie_reason.{kind}", lang, name=name_of(via))


def finding(found: dict, name_of, lang: str) -> str:
    """One gap (graph.analytics.gaps), as a sentence."""
    kind, ids = found["kind"], found["ids"]
    names = [name_of(i) for i in ids]
    if kind == "territory_pair_one_sided":
        values = dict(here=names[0], there=names[1], side=names[2], other=names[3])
    elif kind in ("territory_pair_unlinked",):
        values = dict(here=names[0], there=names[1])
    elif kind == "territory_pair_single_tie":
        values = dict(here=names[0], there=names[1], first=names[2], second=names[3])
    elif kind == "theme_without_counterpart":
        values = dict(theme=names[0], side=names[1], other=names[2])
    elif kind == "project_missing_sphere":
        missing = t("list.nor", lang).join(sphere(s, lang) for s in found["missing"])
        values = dict(project=names[0], members=found["members"], missing=missing)
    elif kind == "met_never_partnered":
        values = dict(first=names[0], second=names[1], events="; ".join(name_of(e) for e in found["events"]))
    elif kind == "single_point_of_failure":
        values = dict(name=names[0], count=found["cut_off"])
        if found.get("cut_off_ids"):
            return t("gap.single_point_of_failure_named", lang, **values,
                     names=listing([name_of(i) for i in found["cut_off_ids"]], lang, most=5))
    else:                                       # isolated
        values = dict(name=names[0])
    return t(f"gap.{kind}", lang, **values)


def unavailable(exc, lang: str) -> str:
    """Why the store cannot be used (graph.store.StoreUnavailable)."""
    return t(f"store.{exc.code}", lang, **exc.values)


def refusal(exc, name_of, lang: str) -> str:
    """Why a question cannot be answered (graph.analytics.Refused)."""
    values = dict(exc.values)
    ids = values.pop("ids", [])
    if exc.code in ("ambiguous_organisation", "ambiguous_element"):
        return t(f"refused.{exc.code}", lang, text=values["text"],
                 names="; ".join(f"{name_of(i)} ({i})" for i in ids))
    if exc.code == "too_many_pairs":
        return t("refused.too_many_pairs", lang, count=number(values["count"], lang))
    text = t(f"refused.{exc.code}", lang, **values)
    if exc.code in ("unknown_organisation", "unknown_element") and ids:
        text += t("refused.did_you_mean", lang, names=", ".join(name_of(i) for i in ids))
    return text


def problem(found, lang: str) -> str:
    """A problem found in a file or an edit (graph.model.Problem), as a
    sentence: the element it is about first, when it is one of a graph file."""
    values = dict(found.values)
    element, element_id = values.pop("element", None), values.pop("element_id", None)
    code = found.code
    if code in ("unknown_kind", "unknown_type"):
        values["expected"] = ", ".join(word("kind", k, lang) for k in values.get("expected", []))
        values["kinds"] = ", ".join(word("kind", k, lang) for k in values.get("kinds", []))
        values["categories"] = ", ".join(word("category", c, lang) for c in values.get("categories", []))
    elif code in ("id_other_kind", "id_two_kinds", "field_not_for_kind", "relation_ends"):
        for name in ("old", "new", "kind", "other", "source_kind", "target_kind"):
            if name in values:
                values[name] = word("kind", values[name], lang)
        for name in ("sources", "targets"):
            if name in values:
                values[name] = "/".join(word("kind", k, lang) for k in values[name])
    elif code == "unknown_status":
        values["expected"] = ", ".join(word("status", k, lang) for k in values.get("expected", []))
    elif code == "missing_column":
        others = values.get("alternatives") or []
        values["alternatives"] = t("problem.or", lang, names=" / ".join(others)) if others else ""
    elif code == "empty_sheet":
        values["role"] = t(f"problem.role.{values['role']}", lang)
    elif code in ("fragment_not_loaded", "fragment_attached"):
        values["pieces"] = t("list.and", lang).join(t(f"problem.piece.{p}", lang) for p in values["pieces"])
    elif code == "duplicate_id":
        values["differences"] = "; ".join(f"{f} : {a} / {b}" if lang == "fr" else f"{f}: {a} vs {b}"
                                          for f, a, b in values["differences"])
    elif code in ("unmapped_category", "mapping_unknown_category"):
        values["categories"] = ", ".join(f"{c} ({word('category', c, lang)})" for c in values.get("categories", []))
    elif code == "structure_ambiguous":
        values["names"] = ", ".join(f"« {n} »" if lang == "fr" else f"“{n}”" for n in values["names"])
    for name, value in values.items():
        if isinstance(value, list):
            values[name] = ", ".join(map(str, value))
    text = t(f"problem.{code}", lang, **values)
    if element:
        text = t(f"problem.element.{element}", lang, id=element_id) + text
    return text


def value(field_name: str, value, lang: str) -> str:
    """A field's value in words: a category or sphere as the vocabulary
    says it, a list joined; contact details never written out."""
    if field_name in CONTACT_FIELDS:
        return t("change.hidden", lang)
    if field_name in ("category", "sphere", "kind"):
        return word(field_name, value, lang)
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return str(value)


def change(found, name_of, lang: str, held: bool = False) -> str:
    """One known value a load replaces (graph.merge.Change), or holds back
    until the user accepts it."""
    values = {"element": name_of(found.id), "field": field(found.field, lang),
              "before": value(found.field, found.before, lang), "after": value(found.field, found.after, lang)}
    if not held:
        return t("change.line", lang, **values)
    return t("change.held_name" if found.field == "name" else "change.held", lang, **values)


def cannot_undo(exc, lang: str) -> str:
    """Why a change cannot be undone (graph.journal.CannotUndo)."""
    return t(f"undo.{exc.code}", lang, **exc.values)


def place(found) -> str:
    """file:row:column, as the report shows where a problem is."""
    text = found.file
    if found.row is not None:
        text += f":{found.row}"
    if found.column:
        text += f":{found.column}"
    return text
