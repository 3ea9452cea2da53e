"""Network analytics: pure functions of a graph (no I/O, no Streamlit), a
`seed` for everything random, plain data out."""
