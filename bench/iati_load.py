"""IATI files at size: how fast the loader reads them, and in how much
memory, against a plain non-streaming parse measured in the same run.

Builds a file of ACTIVITIES activities of realistic shape by repeating the
real d-portal export (../shared/realdata/iati, 100 activities of NGOs, 2.01
to 2.03) with new identifiers, then, each in its own process (so that peak
memory is its own: VmHWM):

- the baseline: xml.etree.ElementTree.parse of the whole file, then a walk
  over its activities reading what the loader reads (what a script without
  streaming does);
- Passerelles: loaders.iati.read_iati (streamed, the batch built);
- Passerelles, read and written: the same, then merged into a new embedded
  store (planned by the merge rule, written to disk);
- and the real files as they are, read and written.

    python -m bench.iati_load [--activities 50000]
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
REAL = ROOT.parent / "shared" / "realdata" / "iati"
SAMPLE = REAL / "dportal_dflat_activities_100_ngo_2020-03-27b.xml"

BASELINE = """
import sys, time, xml.etree.ElementTree as ET
start = time.perf_counter()
root = ET.parse(sys.argv[1]).getroot()
count = 0
for activity in root.iter("iati-activity"):
    activity.findtext("iati-identifier"); activity.findall("participating-org"); activity.findall("sector")
    activity.findall("recipient-country"); activity.findall("transaction")
    count += 1
print(count, time.perf_counter() - start)
"""
OURS = """
import sys, time
from loaders.iati import read_iati
start = time.perf_counter()
batch = read_iati(sys.argv[1])
print(sum(1 for n in batch.nodes if n.kind == "Project"), time.perf_counter() - start)
"""
LOADED = """
import sys, tempfile, time
from graph.store.memory import MemoryStore
from loaders.iati import read_iati
start = time.perf_counter()
batch = read_iati(sys.argv[1])
with tempfile.TemporaryDirectory() as home:
    counts = MemoryStore(home).apply(batch)
print(sum(1 for n in batch.nodes if n.kind == "Project"), time.perf_counter() - start)
"""
PEAK = "\nimport re; print(re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1))\n"


def build(activities: int, target: Path):
    """The sample's activities repeated with new identifiers, streamed to disk."""
    text = SAMPLE.read_text(encoding="utf-8")
    start, end = text.index("<iati-activity "), text.rindex("</iati-activity>") + len("</iati-activity>")
    body = text[start:end]
    per_copy = body.count("<iati-activity ")
    with open(target, "w", encoding="utf-8") as out:
        out.write(text[:start])
        for copy in range((activities + per_copy - 1) // per_copy):
            out.write(re.sub(r"<iati-identifier>([^<]*)</iati-identifier>",
                             lambda m, c=copy: f"<iati-identifier>{m.group(1)}-copy{c}</iati-identifier>", body))
        out.write(text[end:])
    return per_copy * ((activities + per_copy - 1) // per_copy)


def run(code: str, path: Path):
    proc = subprocess.run([sys.executable, "-c", code + PEAK, str(path)], cwd=ROOT, capture_output=True,
                          text=True, check=True)
    count, seconds, peak = proc.stdout.split()
    return int(count), float(seconds), int(peak) / 1024


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--activities", type=int, default=50_000)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        big = Path(folder) / "activities.xml"
        started = time.perf_counter()
        total = build(args.activities, big)
        size = big.stat().st_size / 1024 / 1024
        print(f"generated file: {total:,} activities, {size:.0f} MB ({time.perf_counter() - started:.1f} s)")
        for label, code in (("ElementTree, whole file in memory", BASELINE), ("Passerelles, streamed", OURS),
                            ("Passerelles, read and written", LOADED)):
            count, seconds, peak = run(code, big)
            print(f"  {label:36}: {count:,} activities in {seconds:.1f} s ({count / seconds:,.0f}/s), "
                  f"peak memory {peak:.0f} MB ({peak / size:.2f} × the file)")
    for path in sorted(REAL.glob("*.xml")):
        count, seconds, peak = run(LOADED, path)
        print(f"  real file {path.name}: {count} activities read and written in {seconds:.2f} s, "
              f"peak {peak:.0f} MB")


if __name__ == "__main__":
    main()
