"""The words people use in their files for the vocabulary's terms: a Kumu
"Type" cell, a connection's wording, a sphere or a side written out, and a
first guess of a category from a name. French and English, matched once
folded (accent-, case- and punctuation-free). The vocabulary itself is
graph.model; this is only how files spell it."""
from __future__ import annotations

import re

from graph.model import (CATEGORIES, CIVIL_SOCIETY, ECONOMIC, EVENT, KINDS, ORGANISATION, PERSON, PROJECT,
                         PUBLIC, RELATIONS, RESEARCH, RESOURCE, TERRITORY, THEME, UNKNOWN, fold)

# Words a spreadsheet may use in a Kumu "Type" cell, mapped to a kind and,
# for organisations, a category. French and English, accent- and case-free.
KIND_SYNONYMS = {
    "organisation": (ORGANISATION, None), "organization": (ORGANISATION, None),
    "acteur": (ORGANISATION, None), "actor": (ORGANISATION, None),
    "structure": (ORGANISATION, None), "org": (ORGANISATION, None),
    "association": (ORGANISATION, "association"),
    "ngo": (ORGANISATION, "ngo"), "ong": (ORGANISATION, "ngo"),
    "osi": (ORGANISATION, "ngo"),
    "network": (ORGANISATION, "network"), "reseau": (ORGANISATION, "network"),
    "collectif": (ORGANISATION, "network"), "collective": (ORGANISATION, "network"),
    "coalition": (ORGANISATION, "network"), "rrma": (ORGANISATION, "network"),
    "tete de reseau": (ORGANISATION, "network"),
    "union": (ORGANISATION, "union"), "syndicat": (ORGANISATION, "union"),
    "trade union": (ORGANISATION, "union"),
    "foundation": (ORGANISATION, "foundation"), "fondation": (ORGANISATION, "foundation"),
    "funder": (ORGANISATION, "foundation"), "bailleur": (ORGANISATION, "foundation"),
    "media": (ORGANISATION, "media"), "medias": (ORGANISATION, "media"),
    "local authority": (ORGANISATION, "local_authority"),
    "local_authority": (ORGANISATION, "local_authority"),
    "collectivite": (ORGANISATION, "local_authority"),
    "collectivite territoriale": (ORGANISATION, "local_authority"),
    "state": (ORGANISATION, "state_body"), "etat": (ORGANISATION, "state_body"),
    "state body": (ORGANISATION, "state_body"), "state_body": (ORGANISATION, "state_body"),
    "organisme d etat": (ORGANISATION, "state_body"), "organisme public": (ORGANISATION, "state_body"),
    "autre": (ORGANISATION, "other"), "autres": (ORGANISATION, "other"),
    "government": (ORGANISATION, "state_body"), "agency": (ORGANISATION, "state_body"),
    "agence": (ORGANISATION, "state_body"), "regulator": (ORGANISATION, "state_body"),
    "ministere": (ORGANISATION, "state_body"), "ministry": (ORGANISATION, "state_body"),
    "body": (ORGANISATION, "international_organisation"),
    "international organisation": (ORGANISATION, "international_organisation"),
    "international_organisation": (ORGANISATION, "international_organisation"),
    "organisation internationale": (ORGANISATION, "international_organisation"),
    "company": (ORGANISATION, "company"), "entreprise": (ORGANISATION, "company"),
    "business": (ORGANISATION, "company"), "firm": (ORGANISATION, "company"),
    "exchange": (ORGANISATION, "company"),
    "research": (ORGANISATION, "research"), "research-org": (ORGANISATION, "research"),
    "research org": (ORGANISATION, "research"), "recherche": (ORGANISATION, "research"),
    "university": (ORGANISATION, "research"), "universite": (ORGANISATION, "research"),
    "territory": (TERRITORY, None), "territoire": (TERRITORY, None),
    "country": (TERRITORY, None), "pays": (TERRITORY, None),
    "region": (TERRITORY, None), "departement": (TERRITORY, None),
    "city": (TERRITORY, None), "ville": (TERRITORY, None), "commune": (TERRITORY, None),
    "zone": (TERRITORY, None), "area": (TERRITORY, None),
    "project": (PROJECT, None), "projet": (PROJECT, None),
    "programme": (PROJECT, None), "program": (PROJECT, None),
    "operation pilote": (PROJECT, None),
    "event": (EVENT, None), "evenement": (EVENT, None), "meeting": (EVENT, None),
    "reunion": (EVENT, None), "atelier": (EVENT, None), "workshop": (EVENT, None),
    "forum": (EVENT, None),
    "theme": (THEME, None), "thematique": (THEME, None), "topic": (THEME, None),
    "field": (THEME, None), "domaine": (THEME, None),
    "person": (PERSON, None), "personne": (PERSON, None), "people": (PERSON, None),
    "participant": (PERSON, None), "contact": (PERSON, None),
    "resource": (RESOURCE, None), "ressource": (RESOURCE, None),
    "source": (RESOURCE, None), "document": (RESOURCE, None),
    "instrument": (RESOURCE, None), "publication": (RESOURCE, None),
    "law": (RESOURCE, None), "loi": (RESOURCE, None), "treaty": (RESOURCE, None),
    "database": (RESOURCE, None), "report": (RESOURCE, None), "rapport": (RESOURCE, None),
}
for _kind in KINDS:
    KIND_SYNONYMS.setdefault(_kind.lower(), (_kind, None))
for _cat in CATEGORIES:
    KIND_SYNONYMS.setdefault(_cat, (ORGANISATION, _cat))

# Words for relation types (Kumu "Type" of a connection).
RELATION_SYNONYMS = {
    "member of": "MEMBER_OF", "membre de": "MEMBER_OF", "adherent": "MEMBER_OF",
    "member": "MEMBER_OF", "membre": "MEMBER_OF",
    "partner of": "PARTNER_OF", "partenaire de": "PARTNER_OF", "partner": "PARTNER_OF",
    "partenaire": "PARTNER_OF", "partenariat": "PARTNER_OF", "partnership": "PARTNER_OF",
    "partner in": "PARTNER_OF", "mou with": "PARTNER_OF", "joint venture with": "PARTNER_OF",
    "leads": "LEADS", "porte": "LEADS", "pilote": "LEADS", "chef de file": "LEADS",
    "takes part in": "TAKES_PART_IN", "participe a": "TAKES_PART_IN",
    "funds": "FUNDS", "finance": "FUNDS", "cofinance": "FUNDS", "funder of": "FUNDS",
    "created": "CREATED", "a cree": "CREATED", "founded": "CREATED", "fonde": "CREATED",
    "based in": "BASED_IN", "siege": "BASED_IN", "situe a": "BASED_IN",
    "active in": "ACTIVE_IN", "agit a": "ACTIVE_IN", "intervient a": "ACTIVE_IN",
    "actif a": "ACTIVE_IN", "actif dans": "ACTIVE_IN", "intervient dans": "ACTIVE_IN",
    "targets": "TARGETS", "cible": "TARGETS",
    "part of": "PART_OF", "fait partie de": "PART_OF",
    "works on": "WORKS_ON", "travaille sur": "WORKS_ON",
    "addresses": "ADDRESSES", "traite de": "ADDRESSES",
    "organises": "ORGANISES", "organizes": "ORGANISES", "organise": "ORGANISES",
    "attended": "ATTENDED", "a participe a": "ATTENDED", "present a": "ATTENDED",
    "works for": "WORKS_FOR", "travaille pour": "WORKS_FOR", "employe de": "WORKS_FOR",
    "paired with": "PAIRED_WITH", "jumele avec": "PAIRED_WITH",
    "related to": "RELATED_TO", "lie a": "RELATED_TO",
}
for _rel in RELATIONS:
    RELATION_SYNONYMS.setdefault(_rel.lower().replace("_", " "), _rel)


SPHERE_WORDS = {
    "societe civile": CIVIL_SOCIETY, "civil society": CIVIL_SOCIETY,
    "associatif": CIVIL_SOCIETY,
    "pouvoirs publics": PUBLIC, "public authorities": PUBLIC,
    "public": PUBLIC, "acteurs publics": PUBLIC,
    "acteurs economiques": ECONOMIC, "economic actors": ECONOMIC,
    "economique": ECONOMIC, "economic": ECONOMIC, "prive": ECONOMIC,
    "recherche": RESEARCH, "research": RESEARCH,
    "recherche education": RESEARCH, "research education": RESEARCH,
    "inconnu": UNKNOWN, "unknown": UNKNOWN,
}
SIDE_WORDS = {"ici": "ici", "here": "ici", "la bas": "la-bas", "there": "la-bas", "abroad": "la-bas"}


def kind_for_type(word: str):
    """Map a spreadsheet's Type cell to (kind, category), or None."""
    return KIND_SYNONYMS.get(fold(word))


def relation_for_type(word: str):
    """Map a connection's Type cell to a relation type, or None."""
    text = str(word).strip()
    if text.upper() in RELATIONS:
        return text.upper()
    return RELATION_SYNONYMS.get(fold(text))


_CATEGORY_HINTS = (
    (r"\b(conseil (regional|departemental|general)|mairie|ville de|commune|metropole|region|departement|collectivite)\b", "local_authority"),
    (r"\b(ministere|ministry|agence|agency|direction regionale|prefecture)\b", "state_body"),
    (r"\b(fondation|foundation)\b", "foundation"),
    (r"\b(universite|university|institut de recherche|cnrs|ird)\b", "research"),
    (r"\b(reseau|network|collectif|federation|plateforme|coordination|comite)\b", "network"),
    (r"\b(syndicat|confederation|cgt|cfdt|cftc)\b", "union"),
    (r"\b(sarl|sas|sa|entreprise|company|groupe)\b", "company"),
    (r"\b(association|asso)\b", "association"),
)


def guess_category(name: str) -> str:
    """A first guess of an organisation's category from its name, for rows
    that say nothing more (participants lists). Reported as a guess."""
    folded = fold(name)
    for pattern, category in _CATEGORY_HINTS:
        if re.search(pattern, folded):
            return category
    return "other"


# IATI's OrganisationType codes -> the vocabulary's categories (the sphere
# follows from the category).
IATI_ORGANISATION_TYPES = {
    "10": "state_body", "11": "local_authority", "15": "state_body",
    "21": "ngo", "22": "ngo", "23": "ngo", "24": "ngo",
    "30": "company", "40": "international_organisation", "60": "foundation",
    "70": "company", "71": "company", "72": "company", "73": "company",
    "80": "research", "90": "other",
}


def iati_organisation_category(code: str) -> str:
    return IATI_ORGANISATION_TYPES.get((code or "").strip(), "other")
