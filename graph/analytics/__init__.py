"""Network analytics: pure functions of a graph (no I/O, no Streamlit), a
`seed` for everything random, plain data out."""


class Refused(ValueError):
    """A question asked in a way that cannot be answered (an unknown
    organisation, a network too big for every pair); the message, meant for
    the user as it is, says why and what to ask instead."""
