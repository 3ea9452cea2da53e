"""What the pages hand to a spreadsheet."""
import pandas as pd

from ui.safe import csv_bytes


def test_csv_downloads_open_right_in_a_french_or_english_spreadsheet():
    frame = pd.DataFrame([{"Nom": "Élevages sans frontières", "Score": 1.5, "Note": "=HYPERLINK(\"x\")"}])
    french = csv_bytes(frame, "fr")
    assert french.startswith(b"\xef\xbb\xbf")                         # UTF-8 with a BOM
    lines = french.decode("utf-8-sig").splitlines()
    assert lines == ["Nom;Score;Note", "Élevages sans frontières;1,5;\"'=HYPERLINK(\"\"x\"\")\""]
    assert csv_bytes(frame, "en").decode("utf-8-sig").splitlines()[1].startswith("Élevages sans frontières,1.5,")
