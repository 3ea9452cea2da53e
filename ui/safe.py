"""Text from the data is shown as text, never as Markdown or HTML: every
name, reason or source that goes into a Markdown element passes here."""
from __future__ import annotations

import re

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>:~$=])")


def plain(text) -> str:
    """`text` escaped for st.markdown: data such as `[x](javascript:…)`,
    `<b>` or `:red[x]` is shown as typed.

    >>> plain("**Grdr** <b>:red[x]</b>")
    '\\\\*\\\\*Grdr\\\\*\\\\* \\\\<b\\\\>\\\\:red\\\\[x\\\\]\\\\<\\\\/b\\\\>'
    """
    return _MARKDOWN.sub(r"\\\1", str(text)).replace("/", "\\/")
