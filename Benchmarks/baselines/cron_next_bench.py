"""Baselines for taskgate's next-occurrence benchmark on classic cron: cronsim 2.8 and croniter.

Reads the same corpus as `schedule-bench next` (DIALECT, TEXT, ZONE, START, AFTER; only the `cron`
lines), builds each iterator's start once per query, and takes the next COUNT instants, pass after
pass for SECONDS. Prints one JSON object per library.

Usage: python3 cron_next_bench.py CORPUS COUNT SECONDS
"""

import json
import sys
import time
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import croniter
import cronsim


def load(path):
    work = []
    with open(path, encoding="utf-8") as corpus:
        for line in corpus:
            fields = line.rstrip("\n").split("\t")
            if len(fields) != 5 or fields[0] != "cron":
                continue
            zone = ZoneInfo(fields[2])
            after = datetime.fromisoformat(fields[4].replace("Z", "+00:00")).astimezone(zone)
            try:
                cronsim.CronSim(fields[1], after)
                croniter.croniter(fields[1], after)
            except Exception:
                continue
            work.append((fields[1], after))
    return work


def measure(name, work, count, seconds, make):
    queries = instants = 0
    start = time.perf_counter()
    while True:
        for text, after in work:
            iterator = make(text, after)
            for _ in range(count):
                try:
                    next(iterator)
                except StopIteration:
                    break
                instants += 1
            queries += 1
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            break
    print(json.dumps({
        "engine": name, "operations": queries, "instants": instants, "seconds": elapsed,
        "operationsPerSecond": queries / elapsed, "instantsPerSecond": instants / elapsed,
        "expressions": len(work)}))


def main():
    path, count, seconds = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
    work = load(path)
    measure("cronsim", work, count, seconds, lambda text, after: iter(cronsim.CronSim(text, after)))

    def croniter_iterator(text, after):
        iterator = croniter.croniter(text, after)
        return iter(iterator.get_next, None)

    measure("croniter", work, count, seconds, croniter_iterator)


if __name__ == "__main__":
    main()
