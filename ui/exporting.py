"""An export as a file to download: one file, or a zip of the CSV pair."""
from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path

from graph.export import export


def payload(graph, fmt: str, stem: str, **options) -> tuple[str, bytes]:
    """(file name, bytes) of `graph` exported as `fmt` (graph.export.export's
    options)."""
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / (stem if fmt == "csv" else f"{stem}.{fmt}")
        paths = [Path(p) for p in export(graph, fmt, target, **options)]
        if len(paths) == 1:
            return paths[0].name, paths[0].read_bytes()
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in paths:
                archive.write(path, path.name)
        return f"{stem}-csv.zip", buffer.getvalue()
