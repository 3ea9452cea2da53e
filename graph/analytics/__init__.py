"""Network analytics: pure functions of a graph (no I/O, no Streamlit), a
`seed` for everything random, plain data out."""


class Refused(ValueError):
    """A question asked in a way that cannot be answered (an unknown
    organisation, a network too big for every pair): a `code` and the
    `values` the interfaces need to say why and what to ask instead."""

    def __init__(self, code: str, **values):
        super().__init__(f"{code} {values}")
        self.code, self.values = code, values
