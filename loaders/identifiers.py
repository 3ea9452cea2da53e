"""Official identifiers as one key whoever writes them: an association's
RNA number (« W751085568 », « FR-RNA-W751085568 »), a company's or a body's
SIREN and SIRET (« 123 456 789 00012 »; a SIRET names an establishment of
the SIREN its first nine digits give), and IATI's organisation references
(« XM-DAC-41114 », « FR-3 »). Two sources that give one key mean one
organisation.

    >>> keys("W751085568"), keys("FR-RNA-w751085568")
    (['FR-RNA-W751085568'], ['FR-RNA-W751085568'])
    >>> keys("123 456 789 00012")
    ['FR-SIRET-12345678900012', 'FR-SIREN-123456789']
"""
from __future__ import annotations

import re

RNA = re.compile(r"^W\d{9}$")
REGISTERED = re.compile(r"^[A-Z]{2}-[A-Z0-9]+-\S+$")      # an org-id.guide prefix, then the agency's number


def keys(text) -> list:
    """The keys of an identifier as written, [] when it is none we know."""
    raw = str(text or "").strip().upper()
    if not raw:
        return []
    compact = re.sub(r"[\s.\u00a0]", "", raw)
    for prefix in ("FR-RNA-", "FR-SIRET-", "FR-SIREN-"):
        if compact.startswith(prefix):
            compact = compact[len(prefix):]
            break
    if RNA.match(compact):
        return [f"FR-RNA-{compact}"]
    digits = compact.replace("-", "")
    if digits.isdigit() and len(digits) == 14:
        return [f"FR-SIRET-{digits}", f"FR-SIREN-{digits[:9]}"]
    if digits.isdigit() and len(digits) == 9:
        return [f"FR-SIREN-{digits}"]
    if REGISTERED.match(raw):
        return [raw]
    return []


def looks_like_identifier(text) -> bool:
    """An RNA, SIREN or SIRET number (what a directory's column holds)."""
    found = keys(text)
    return bool(found) and found[0].startswith("FR-")
