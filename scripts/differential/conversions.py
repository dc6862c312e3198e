#!/usr/bin/env python3
"""No false `exact`: every conversion taskgate calls exact is re-enumerated by the outsiders.

For thousands of generated sources in Quartz, classic cron and RRULE, across DST zones, this script
asks `taskgate schedule convert --batch` for every directed pair among the three, and for each
conversion it calls `exact`, enumerates the source with the source's reference engine and the
printed target with the target's reference engine (Java Quartz 2.3.2, cronsim 2.8 for Debian cron,
python-dateutil 2.9 for RRULE), from the verification start the conversion reports, and requires the
two enumerations to agree instant by instant. A target of several lines (a Quartz pattern list, an
RRULE set, several cron lines) is the union of its lines. It prints the share of conversions that
came out exact per pair and exits 1 on any false exact.

Zones are those where every oracle follows its product engine (the cron and Quartz differential
scripts pin oracle deviations around 30- and 45-minute DST changes: Lord_Howe and Chatham are left
out here so that a disagreement can only mean a false exact).

Usage: python3 scripts/differential/conversions.py --taskgate PATH [--seed N] [--size N]
"""

import argparse
import datetime as dt
import json
import os
import random
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
QUARTZ_JAR = "/usr/share/java/quartz2.jar"
ZONES = ["UTC", "America/New_York", "Europe/Berlin", "Asia/Kolkata", "Australia/Sydney", "Europe/London",
         "America/Denver", "Asia/Tokyo"]
DIALECTS = ["quartz", "cron", "rrule"]
COUNT = 300
QUARTZ_DAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]
RRULE_DAYS = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"]


def quartz_source(rng):
    minute, hour = rng.choice([0, 15, 30, 45, rng.randrange(60)]), rng.choice([0, 1, 2, 3, 8, 9, 12, 17, 23])
    shapes = [
        lambda: f"0 {minute} {hour} ? * MON-FRI",
        lambda: f"0 {minute} {hour} * * ?",
        lambda: f"0 {minute} {hour},{(hour + 6) % 24} ? * {rng.choice(QUARTZ_DAYS)}",
        lambda: f"0 0/{rng.choice([5, 10, 15, 20, 30])} {hour}-{min(hour + 4, 23)} ? * MON-FRI",
        lambda: f"0 {minute} {hour} {rng.randrange(1, 32)} * ?",
        lambda: f"0 {minute} {hour} L * ?",
        lambda: f"0 {minute} {hour} L-{rng.randrange(1, 5)} * ?",
        lambda: f"0 {minute} {hour} LW * ?",
        lambda: f"0 {minute} {hour} {rng.randrange(1, 32)}W * ?",
        lambda: f"0 {minute} {hour} ? * {rng.randrange(1, 8)}#{rng.randrange(1, 6)}",
        lambda: f"0 {minute} {hour} ? * {rng.choice(QUARTZ_DAYS)}L",
        lambda: f"0 {minute} {hour} ? {rng.choice(['1,4,7,10', 'JAN-JUN', '*/2', '2/3'])} {rng.choice(QUARTZ_DAYS)}",
        lambda: f"0 {minute} */{rng.choice([2, 3, 4, 6, 5])} * * ?",
        lambda: f"0 30 9 ? * MON | 0 0 14 ? * FRI",
        lambda: f"0 0 8 1 * ? | 0 0 8 ? * MON",
        lambda: f"{rng.randrange(60)} {minute} {hour} * * ?",
    ]
    return rng.choice(shapes)()


def cron_source(rng):
    minute, hour = rng.choice([0, 15, 30, 45, rng.randrange(60)]), rng.choice([0, 1, 2, 3, 8, 9, 12, 17, 23])
    shapes = [
        lambda: f"{minute} {hour} * * 1-5",
        lambda: f"{minute} {hour} * * *",
        lambda: f"*/{rng.choice([5, 10, 15, 30, 7])} * * * *",
        lambda: f"{minute} {hour} {rng.randrange(1, 32)} * *",
        lambda: f"{minute} {hour} 1 * {rng.randrange(0, 8)}",
        lambda: f"{minute} {hour}-{min(hour + 4, 23)} * * 1-5",
        lambda: f"{minute} */{rng.choice([2, 3, 4, 6, 5])} * * *",
        lambda: f"{minute} {hour} * {rng.choice(['1,4,7,10', '*/3', '6-8'])} {rng.randrange(0, 7)}",
        lambda: f"{minute} {hour} 1-7 * */7",
        lambda: f"{minute} {hour} {rng.randrange(1, 29)},{rng.randrange(1, 29)} * MON,FRI",
    ]
    return rng.choice(shapes)()


def rrule_source(rng):
    minute, hour = rng.choice([0, 15, 30, 45, rng.randrange(60)]), rng.choice([0, 1, 2, 3, 8, 9, 12, 17, 23])
    time = f"BYHOUR={hour};BYMINUTE={minute};BYSECOND=0"
    shapes = [
        lambda: f"RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;{time}",
        lambda: f"RRULE:FREQ=DAILY;{time}",
        lambda: f"RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY={rng.choice(RRULE_DAYS)};{time}",
        lambda: f"RRULE:FREQ=DAILY;INTERVAL=3;{time}",
        lambda: f"RRULE:FREQ=MONTHLY;BYMONTHDAY={rng.randrange(1, 32)};{time}",
        lambda: f"RRULE:FREQ=MONTHLY;BYMONTHDAY=-{rng.randrange(1, 4)};{time}",
        lambda: f"RRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;{time}",
        lambda: f"RRULE:FREQ=MONTHLY;BYDAY={rng.choice([1, 2, 3, 4, -1])}{rng.choice(RRULE_DAYS)};{time}",
        lambda: f"RRULE:FREQ=MONTHLY;BYMONTHDAY=13;BYDAY=FR;{time}",
        lambda: f"RRULE:FREQ=YEARLY;BYMONTH={rng.randrange(1, 13)};BYMONTHDAY={rng.randrange(1, 29)};{time}",
        lambda: f"RRULE:FREQ=HOURLY;INTERVAL={rng.choice([2, 3, 4, 6, 5])};BYMINUTE={minute};BYSECOND=0",
        lambda: f"RRULE:FREQ=MINUTELY;INTERVAL={rng.choice([5, 10, 15, 30, 40])};BYHOUR=8,9,10,11;BYSECOND=0",
        lambda: f"RRULE:FREQ=WEEKLY;BYDAY=MO;{time} | RRULE:FREQ=MONTHLY;BYMONTHDAY=1;{time}",
    ]
    return rng.choice(shapes)()


SOURCES = {"quartz": quartz_source, "cron": cron_source, "rrule": rrule_source}


def oracle_command(dialect, workdir):
    if dialect == "quartz":
        subprocess.run(["javac", "-nowarn", "-cp", QUARTZ_JAR, "-d", workdir,
                        os.path.join(ROOT, "scripts/oracles/quartz/QuartzOracle.java")], check=True)
        return ["java", "-Duser.timezone=UTC", "-cp", f"{QUARTZ_JAR}:{workdir}", "QuartzOracle"]
    if dialect == "cron":
        return [sys.executable, os.path.join(ROOT, "scripts/oracles/cron/cron_oracle.py")]
    return [sys.executable, os.path.join(ROOT, "scripts/oracles/rrule/rrule_oracle.py")]


def run_oracle(command, queries):
    if not queries:
        return []
    text = "".join("\t".join(map(str, query)) + "\n" for query in queries)
    result = subprocess.run(command, input=text, capture_output=True, text=True, check=True)
    return result.stdout.split("\n")[: len(queries)]


def utc(text):
    return dt.datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.timezone.utc)


def utc_text(moment):
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--taskgate", required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--size", type=int, default=600, help="sources per dialect")
    arguments = parser.parse_args()
    rng = random.Random(arguments.seed)
    conversions = []
    for source in DIALECTS:
        lines = []
        for _ in range(arguments.size):
            zone = rng.choice(ZONES)
            day = rng.randrange(0, 365)
            start = (dt.datetime(2026, 1, 1) + dt.timedelta(days=day, hours=rng.randrange(24))).strftime(
                "%Y-%m-%dT%H:%M:%S")
            lines.append((SOURCES[source](rng), zone, start))
        for target in DIALECTS:
            if target == source:
                continue
            text = "".join(f"{a}\t{b}\t{c}\n" for a, b, c in lines)
            result = subprocess.run([arguments.taskgate, "schedule", "convert", "--batch", "--from", source, "--to",
                                     target], input=text, capture_output=True, text=True, check=True)
            records = [json.loads(line) for line in result.stdout.splitlines()]
            for (source_text, zone, start), record in zip(lines, records):
                conversions.append((source, target, source_text, zone, start, record))
    statuses = defaultdict(Counter)
    for source, target, _, _, _, record in conversions:
        statuses[(source, target)][record["status"]] += 1
    exact = [c for c in conversions if c[5]["status"] == "exact"]
    with tempfile.TemporaryDirectory() as workdir:
        commands = {dialect: oracle_command(dialect, workdir) for dialect in DIALECTS}
        source_queries = defaultdict(list)
        target_queries = defaultdict(list)
        for index, (source, target, text, zone, start, record) in enumerate(exact):
            after = utc_text(utc(record["compared"][0]) - dt.timedelta(seconds=1))
            if source == "rrule":
                source_queries[source].append((index, (text, zone, start, after, COUNT)))
            else:
                for line in text.split(" | "):
                    source_queries[source].append((index, (line, zone, start, after, COUNT)))
            target_start = record["start"] or "-"
            if target == "rrule":
                target_queries[target].append((index, (" | ".join(record["target"]), record["zone"], target_start,
                                                        after, COUNT)))
            else:
                for line in record["target"]:
                    target_queries[target].append((index, (line, record["zone"], target_start, after, COUNT)))
        source_answers, target_answers = defaultdict(list), defaultdict(list)
        for dialect in DIALECTS:
            for (index, _), answer in zip(source_queries[dialect],
                                          run_oracle(commands[dialect], [q for _, q in source_queries[dialect]])):
                source_answers[index].append(answer)
            for (index, _), answer in zip(target_queries[dialect],
                                          run_oracle(commands[dialect], [q for _, q in target_queries[dialect]])):
                target_answers[index].append(answer)
    false_exact = []
    for index, (source, target, text, zone, start, record) in enumerate(exact):
        answers = source_answers[index] + target_answers[index]
        if any(answer.startswith("ERROR") for answer in answers):
            false_exact.append((source, target, text, zone, start, record, "an oracle rejected a side", answers))
            continue
        expected = sorted({utc(word) for answer in source_answers[index] for word in answer.split()})
        produced = sorted({utc(word) for answer in target_answers[index] for word in answer.split()})
        # Each side's oracle answered its first COUNT instants per line: compare up to where both are
        # complete, within the span the conversion was proved over.
        last = utc(record["compared"][1])
        for answer in source_answers[index] + target_answers[index]:
            words = answer.split()
            if len(words) == COUNT:
                last = min(last, utc(words[-1]))
        expected = [moment for moment in expected if moment <= last]
        produced = [moment for moment in produced if moment <= last]
        if expected != produced:
            first = next((a, b) for a, b in zip(expected + [None], produced + [None]) if a != b)
            false_exact.append((source, target, text, zone, start, record, f"first difference {first}", None))
    total_exact = len(exact)
    print(f"conversions: {len(conversions)} ({arguments.size} sources per dialect x 2 targets each), "
          f"{total_exact} called exact, {len(false_exact)} false exact")
    for (source, target), counter in sorted(statuses.items()):
        count = sum(counter.values())
        print(f"  {source:6} -> {target:6}: exact {counter['exact'] / count:6.1%}  lossy {counter['lossy'] / count:6.1%}"
              f"  impossible {counter['impossible'] / count:6.1%}  ({count})")
    for item in false_exact[:10]:
        source, target, text, zone, start, record, why, answers = item
        print(f"FALSE EXACT {source}->{target} {text!r} {zone} {start}: {why}; target {record['target']}")
    sys.exit(1 if false_exact else 0)


if __name__ == "__main__":
    main()
