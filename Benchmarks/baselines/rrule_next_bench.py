"""Baseline for taskgate's next-occurrence benchmark on RRULEs: python-dateutil 2.9.

Reads the same corpus as `schedule-bench next` (DIALECT, TEXT, ZONE, START, AFTER; only the `rrule`
lines), parses each rule once with DTSTART = START in its zone, and takes the next COUNT instants
after AFTER with `rrule.xafter`, pass after pass for SECONDS. Prints one JSON object.

Usage: python3 rrule_next_bench.py CORPUS COUNT SECONDS
"""

import json
import sys
import time
from datetime import datetime
from zoneinfo import ZoneInfo

from dateutil import rrule


def load(path):
    work = []
    with open(path, encoding="utf-8") as corpus:
        for line in corpus:
            fields = line.rstrip("\n").split("\t")
            if len(fields) != 5 or fields[0] != "rrule" or fields[3] == "-":
                continue
            zone = ZoneInfo(fields[2])
            start = datetime.fromisoformat(fields[3]).replace(tzinfo=zone)
            after = datetime.fromisoformat(fields[4].replace("Z", "+00:00")).astimezone(zone)
            try:
                rule = rrule.rrulestr(fields[1], dtstart=start, cache=False)
            except (ValueError, TypeError):
                continue
            work.append((rule, after))
    return work


def main():
    path, count, seconds = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
    work = load(path)
    queries = instants = 0
    start = time.perf_counter()
    while True:
        for rule, after in work:
            instants += sum(1 for _ in rule.xafter(after, count=count))
            queries += 1
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            break
    print(json.dumps({
        "engine": "python-dateutil", "operations": queries, "instants": instants, "seconds": elapsed,
        "operationsPerSecond": queries / elapsed, "instantsPerSecond": instants / elapsed,
        "expressions": len(work)}))


if __name__ == "__main__":
    main()
