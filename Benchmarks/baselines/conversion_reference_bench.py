"""Baseline for taskgate's conversion benchmark: the proof's enumeration done by python-dateutil.

Reads the conversion corpus (FROM, TO, TEXT, ZONE, START; only lines whose source is an RRULE) and,
for each line, enumerates the source RRULE over taskgate's default verification horizon — two years
from START and at least 1,000 instants — pass after pass for SECONDS. That is half of what a
conversion with proof does (taskgate also parses, converts, prints and enumerates the target), so
the ratio favours the baseline. Prints one JSON object.

Usage: python3 conversion_reference_bench.py CONVERT_CORPUS WORK_FOLDER SECONDS
"""

import json
import sys
import time
from datetime import datetime
from zoneinfo import ZoneInfo

from dateutil import rrule

HORIZON_YEARS = 2
MINIMUM_INSTANTS = 1000


def load(path):
    work = []
    with open(path, encoding="utf-8") as corpus:
        for line in corpus:
            fields = line.rstrip("\n").split("\t")
            if len(fields) != 5 or fields[0] != "rrule" or fields[4] == "-":
                continue
            start = datetime.fromisoformat(fields[4]).replace(tzinfo=ZoneInfo(fields[3]))
            try:
                rule = rrule.rrulestr(fields[2], dtstart=start, cache=False)
            except (ValueError, TypeError):
                continue
            work.append((rule, start.replace(year=start.year + HORIZON_YEARS)))
    return work


def enumerate_horizon(rule, end):
    instants = 0
    for occurrence in rule:
        if occurrence > end and instants >= MINIMUM_INSTANTS:
            break
        instants += 1
    return instants


def main():
    path, seconds = sys.argv[1], float(sys.argv[3])
    work = load(path)
    operations = instants = 0
    start = time.perf_counter()
    elapsed = 0.0
    while elapsed < seconds:
        for rule, end in work:
            instants += enumerate_horizon(rule, end)
            operations += 1
            elapsed = time.perf_counter() - start
            if elapsed >= seconds:
                break
    print(json.dumps({
        "engine": "python-dateutil", "operations": operations, "instants": instants, "seconds": elapsed,
        "operationsPerSecond": operations / elapsed,
        "detail": f"python-dateutil enumerating the source RRULE of {len(work)} conversions over 2 years "
                  f"and at least {MINIMUM_INSTANTS} instants"}))


if __name__ == "__main__":
    main()
