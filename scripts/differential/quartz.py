#!/usr/bin/env python3
"""Differential test of taskgate's `quartz` dialect against Java Quartz 2.3.2.

Generates a corpus of random Quartz cron expressions from fixed seeds (every construct: specials,
names, ranges including wrapping ones, steps, years, the odd forms Java accepts, and invalid ones),
asks for the next instants of each in several zones from AFTER instants placed around the 2026 DST
transitions, and compares taskgate's answers (`taskgate schedule next --dialect quartz --batch`)
with the real `org.quartz.CronExpression` (scripts/oracles/quartz/QuartzOracle.java, compiled with
javac into a temporary directory at run time).

Usage: python3 scripts/differential/quartz.py --taskgate .build/release/taskgate [--seed N] [--size N]

Prints one summary line, a per-construct breakdown and the first disagreements in full; exits 1 on
any disagreement that is not pinned. Pinned cases (see PINS below) are where Java does something
taskgate's schedule model cannot express; they are counted separately, never hidden.
"""

import argparse
import datetime as dt
import os
import random
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from zoneinfo import ZoneInfo

HERE = os.path.dirname(os.path.abspath(__file__))
ORACLE_SOURCE = os.path.join(HERE, "..", "oracles", "quartz", "QuartzOracle.java")
QUARTZ_JAR = "/usr/share/java/quartz2.jar"
UTC = dt.timezone.utc

# Zones with every kind of transition: none (UTC, Kolkata, Sao Paulo since 2019), one hour at 02:00
# (New York), at 01:00 UTC (Berlin, London), southern hemisphere (Sydney), 30 minutes (Lord Howe),
# 45-minute offsets and a 02:45 gap (Chatham), a midnight gap (Santiago), two hours (Troll),
# changes on weekdays (Jerusalem: Friday 02:00; Cairo: Friday 00:00 and Thursday 24:00).
ZONES = [
    "UTC", "America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "Pacific/Chatham",
    "America/Sao_Paulo", "Asia/Kolkata", "Australia/Sydney", "Europe/London", "America/Santiago",
    "Antarctica/Troll", "Asia/Jerusalem", "Africa/Cairo",
]
YEAR = 2026
QUERIES_PER_EXPRESSION = 8

# ---------------------------------------------------------------------------------------------
# Pinned cases: Java behaviour that taskgate's model cannot express. Each class names the
# mechanism, how it is recognised, and why it is not a taskgate bug.
#
# java-gap-lenient: Java's lenient GregorianCalendar reads a wall-clock time inside a
#   spring-forward gap with the offset before the gap and goes on searching from the result.
#   When the gap is not one whole hour on the hour (Lord Howe 02:00-02:30, Chatham 02:45-03:45,
#   Troll 01:00-03:00) that result lies past existing local times, which Java never fires:
#   `0 15,40 * * * ?` in Lord_Howe on 2026-10-04 skips 02:40 (+11:00); `0 50 3 * * ?` in Chatham
#   on 2026-09-27 skips 03:50 (+13:45). taskgate's policy (gap: skip) keeps every existing local
#   time. Recognised when Java's answer lacks only instants of ours that lie within two hours
#   after such a gap, and has none we lack.
#
# java-loops: `L-nW` with n >= 28 and `0W` make getTimeAfter loop forever once it meets a month
#   with at most n days (its lenient calendar steps back a month, then forward again). taskgate
#   rejects them; Java answers only while no such month lies ahead. Recognised when taskgate's
#   error says so and Java answered or timed out.
#
# java-w-gap-loop: getTimeAfter also never returns when the day a `W` selects (a weekday) has its
#   fire time inside a spring-forward gap, which happens where clocks change on weekdays:
#   `0 30 2 27W * ?` in Asia/Jerusalem (Friday 2026-03-27, 02:00 -> 03:00). Its lenient calendar
#   reads 02:30 as 03:30, the hour search moves to the next day, and the W check sends it back to
#   the 27th, forever. taskgate skips the gap time (gap: skip) and fires in the next month.
#   Recognised when Java timed out, taskgate answered, the day-of-month has a `W`, and the zone
#   has a spring-forward gap on a weekday.
# ---------------------------------------------------------------------------------------------
PIN_GAP = "java-gap-lenient"
PIN_LOOPS = "java-loops"
PIN_W_GAP = "java-w-gap-loop"


def transitions(zone_name, year):
    """The UTC instants in `year` at which the zone's offset changes, with (before, after) offsets."""
    zone = ZoneInfo(zone_name)
    result = []
    start = dt.datetime(year, 1, 1, tzinfo=UTC)
    previous = start.astimezone(zone).utcoffset()
    hour = start
    end = dt.datetime(year + 1, 1, 1, tzinfo=UTC)
    while hour < end:
        following = hour + dt.timedelta(hours=1)
        offset = following.astimezone(zone).utcoffset()
        if offset != previous:
            low, high = hour, following
            while (high - low).total_seconds() > 1:
                middle = low + (high - low) / 2
                middle = middle.replace(microsecond=0)
                if middle.astimezone(zone).utcoffset() == previous:
                    low = middle
                else:
                    high = middle
            result.append((high, previous, offset))
            previous = offset
        hour = following
    return result


def utc_text(instant):
    return instant.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# ---------------------------------------------------------------------------------------------
# Expression generator. Each generator returns (text, set of construct tags).
# ---------------------------------------------------------------------------------------------

MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
DAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]

# Expressions named in the digests and the brief, always in the corpus.
FIXED = [
    "0 0 8 ? * MON,TUE,WED,THU,FRI *", "0 0 18 LW * ? *", "0 30 9 ? * MON *", "0 0 14 ? * FRI *",
    "0 0 10 ? 1,4,7,10 6#3 *", "0 30 2 * * ?", "0 30 1 * * ?", "0 0/30 * * * ?", "0 0 8 1,15W * ?",
    "0 0 8 ? * MON/2", "0 0 8 ? * 1-7/8", "0 0 8 31W * ?", "0 0 8 L-30 * ?", "0 0 8 30 2 ?",
    "0 0 8 * * ? 1969", "0 0 8 * * ? 3000", "0 0 8 * * ? * extra", "0 0 8 ? * FRI-MON", "0 0 22-2 * * ?",
    "0 0 8 ? NOV-FEB MON", "0 0 8 ? * L", "0 0 8 L-3 * ?", "0 0 8 L-2W * ?", "0 0 8 15W * ?",
    "0 0 8 ? * 2L", "0 0 8 ? * FRIL", "0 0 8 ? * 6#5", "0 0 */5 * * ?", "0 0 0 */2 * ?", "0 0 0 1 7/6 ?",
    "0 0 8 ? * SAT#1,SUN#1", "0 0 8 * *", "0 0 8 * * MON-FRI", "0 0 8 ? * ?", "0 0 24 * * ?",
    "0 0 8 32 * ?", "0 0 8 ? * 0", "0 0/60 * * * ?", "0 0 8 L,15 * ?", "0 0 8 ? * 2#1,6#3", "0 0 8 ? * 6#6",
    "0 0 8 L-31 * ?", "0 0 8 W * ?", "0 0 8 ? * MON-5", "0 0 8 ?X * MON", "0 15,40 * * * ?", "0 50 3 * * ?",
    "0 30 1,3 * * ?", "0 0 0 * * ?", "0 30 23 * * ?", "0 0 8 5X * ?", "0 0 8 ? * MONDAY", "99 0 8 * * ?",
    "0 0 8 L-28W * ?", "0 0 8 0W * ?", "L 0 8 * * ?", "0 0 8 ? * 8#2", "0 0 8 ? * 0#2",
    "0 0 8 * * ? 2125-2130", "0 0 8 1 1 ? 2126", "0 0 8 1 1 ? 2127", "0 0 8 * * ? */30",
]


class Generator:
    def __init__(self, seed):
        self.random = random.Random(seed)

    def pick(self, weighted):
        total = sum(weight for weight, _ in weighted)
        roll = self.random.uniform(0, total)
        for weight, choice in weighted:
            roll -= weight
            if roll <= 0:
                return choice
        return weighted[-1][1]

    def number_list(self, low, high, count):
        values = sorted(self.random.sample(range(low, high + 1), min(count, high - low + 1)))
        return ",".join(str(value) for value in values)

    def time_field(self, low, high, hot, tags, name):
        """Seconds, minutes or hours: mostly plain values, also lists, ranges, steps and odd forms."""
        r = self.random
        span = high - low + 1

        def plain():
            return str(r.choice(hot) if r.random() < 0.6 else r.randint(low, high))

        def item_list():
            tags.add("list")
            return self.number_list(low, high, r.randint(2, 4))

        def hot_list():
            tags.add("list")
            return ",".join(str(v) for v in sorted(set(r.sample(hot, min(len(hot), r.randint(2, 3))))))

        def every():
            tags.add("*")
            return "*"

        def step():
            tags.add("step")
            start = r.choice(["*", "0", str(r.randint(low, high))])
            return f"{start}/{r.choice([2, 3, 5, 7, 10, 15, 20, 30, r.randint(1, high)])}"

        def plain_range():
            tags.add("range")
            a = r.randint(low, high)
            b = r.randint(a, high)
            return f"{a}-{b}"

        def wrapping_range():
            tags.add("wrapping range")
            a = r.randint(low + span // 2, high)
            b = r.randint(low, low + span // 2 - 1)
            return f"{a}-{b}"

        def range_step():
            tags.add("range step")
            a = r.randint(low, high)
            b = r.randint(low, high)
            return f"{a}-{b}/{r.randint(1, high + 5)}"

        def odd():
            tags.add("odd accepted")
            return r.choice([f"{plain()}X", "*X", "/5", f"*/+{r.randint(1, 9)}", "*/-3", "99", f"{plain()}-{plain()}Q",
                             f"{r.randint(low, high)}/1{r.randint(0, 9)}Z", "*/0", f"{r.randint(low, high)}/0"])

        def invalid():
            tags.add("invalid")
            return r.choice([str(high + 1), f"{low}-{high + 1}", f"*/{high + 1}", f"{low}/{high + 1}", "L",
                             f"{plain()}-", f"{plain()}/", "X", "5L", "5W", "5#2", "?", "1-", "/", ","])

        generator = self.pick([
            (50, plain), (8, item_list), (8, hot_list), (4 if name != "seconds" else 1, every), (7, step),
            (6, plain_range), (3, wrapping_range), (2, range_step), (2, odd), (1.5, invalid),
        ])
        text = generator()
        if generator in (plain_range, wrapping_range, step) and r.random() < 0.15:
            text += "," + plain()
            tags.add("list")
        return text

    def day_of_month(self, tags):
        r = self.random
        options = [
            (30, lambda: (tags.add("dom value"), str(r.randint(1, 31)))[1]),
            (8, lambda: (tags.add("list"), self.number_list(1, 31, r.randint(2, 4)))[1]),
            (6, lambda: (tags.add("range"), f"{r.randint(1, 15)}-{r.randint(15, 31)}")[1]),
            (3, lambda: (tags.add("wrapping range"), f"{r.randint(25, 31)}-{r.randint(1, 5)}")[1]),
            (5, lambda: (tags.add("step"), f"{r.choice(['*', '1', str(r.randint(1, 31))])}/{r.randint(1, 31)}")[1]),
            (10, lambda: (tags.add("*"), "*")[1]),
            (5, lambda: (tags.add("L"), "L")[1]),
            (5, lambda: (tags.add("L-n"), f"L-{r.choice([1, 2, 3, 5, 10, 27, 28, 29, 30])}")[1]),
            (4, lambda: (tags.add("LW"), "LW")[1]),
            (3, lambda: (tags.add("L-nW"), f"L-{r.choice([1, 2, 3, 7, 15, 27])}W")[1]),
            (6, lambda: (tags.add("nW"), f"{r.choice([1, 2, 5, 14, 15, 16, 28, 29, 30, 31])}W")[1]),
            (2, lambda: (tags.add("odd accepted"), r.choice(["1,15W", "15W,1", "5-10W", "*,15W", "L-W", "?X"]))[1]),
            (2, lambda: (tags.add("invalid"), r.choice(["0", "32", "L,15", "LW,15", "L-31", "W", "32W", "LX", "L-",
                                                       "15L", "3#2", "0-5", "5-40"]))[1]),
        ]
        return self.pick([(weight, option) for weight, option in options])()

    def month(self, tags):
        r = self.random

        def name_range():
            tags.add("names")
            a, b = r.sample(MONTHS, 2)
            if MONTHS.index(a) > MONTHS.index(b):
                tags.add("wrapping range")
            return f"{a}-{b}"

        options = [
            (45, lambda: (tags.add("*"), "*")[1]),
            (8, lambda: str(r.randint(1, 12))),
            (6, lambda: (tags.add("names"), r.choice(MONTHS))[1]),
            (6, lambda: (tags.add("list"), self.number_list(1, 12, r.randint(2, 4)))[1]),
            (4, lambda: (tags.add("names"), ",".join(r.sample(MONTHS, 3)))[1]),
            (5, name_range),
            (4, lambda: (tags.add("range"), f"{r.randint(1, 6)}-{r.randint(6, 12)}")[1]),
            (3, lambda: (tags.add("wrapping range"), f"{r.randint(9, 12)}-{r.randint(1, 4)}")[1]),
            (5, lambda: (tags.add("step"), f"{r.choice(['*', '1', str(r.randint(1, 12))])}/{r.randint(1, 12)}")[1]),
            (2, lambda: (tags.add("odd accepted"), r.choice(["JAN/2", "JAN-JUN/2", "JANX", "MAR-MAYX", "7/6"]))[1]),
            (2, lambda: (tags.add("invalid"), r.choice(["0", "13", "JAN-6", "FOO", "*/13", "JA"]))[1]),
        ]
        return self.pick(options)()

    def day_of_week(self, tags):
        r = self.random

        def name_range():
            tags.add("names")
            a, b = r.sample(DAYS, 2)
            if DAYS.index(a) > DAYS.index(b):
                tags.add("wrapping range")
            return f"{a}-{b}"

        options = [
            (10, lambda: (tags.add("*"), "*")[1]),
            (12, lambda: (tags.add("names"), r.choice(DAYS))[1]),
            (8, lambda: (tags.add("names"), ",".join(r.sample(DAYS, r.randint(2, 4))))[1]),
            (8, name_range),
            (5, lambda: str(r.randint(1, 7))),
            (4, lambda: (tags.add("range"), f"{r.randint(1, 4)}-{r.randint(4, 7)}")[1]),
            (2, lambda: (tags.add("wrapping range"), f"{r.randint(5, 7)}-{r.randint(1, 3)}")[1]),
            (3, lambda: (tags.add("step"), f"{r.choice(['*', str(r.randint(1, 7))])}/{r.randint(1, 7)}")[1]),
            (5, lambda: (tags.add("nL"), r.choice([f"{r.randint(1, 7)}L", f"{r.choice(DAYS)}L"]))[1]),
            (6, lambda: (tags.add("#"), r.choice([f"{r.randint(1, 7)}#{r.randint(1, 5)}",
                                                  f"{r.choice(DAYS)}#{r.randint(1, 5)}"]))[1]),
            (2, lambda: (tags.add("L"), "L")[1]),
            (3, lambda: (tags.add("odd accepted"), r.choice(["MON/2", "MON-FRI/2", "1-7/8", "MONDAY", "6#3,5",
                                                             "0#2", "8#2", "LW", "L-3", "FRI#+2", "*/-5", "99"]))[1]),
            (2, lambda: (tags.add("invalid"), r.choice(["0", "8", "SAT#1,SUN#1", "MON-5", "6#6", "6#0", "FOO",
                                                       "5L,3", "8L", "MON#", "2-9", "*/8"]))[1]),
        ]
        return self.pick(options)()

    def year(self, tags):
        r = self.random
        tags.add("year")
        return self.pick([
            (30, lambda: "*"),
            (10, lambda: str(r.choice([2026, 2027, 2028]))),
            (8, lambda: f"2026-{r.choice([2026, 2027, 2028, 2030, 2099])}"),
            (5, lambda: r.choice(["2026,2028", "2027,2029,2031", "2025,2026"])),
            (5, lambda: r.choice(["*/2", "2026/2", "2025/3", "1970/7", "2024/4"])),
            (6, lambda: (tags.add("max year"), r.choice(["2120-2130", "2125-2127", "2126", "2127", "2100/13",
                                                         "2124,2126,2128"]))[1]),
            (3, lambda: (tags.add("odd accepted"), r.choice(["1969", "3000", "99", "2026X", "1969-1971"]))[1]),
            (2, lambda: (tags.add("invalid"), r.choice(["2030-2020", "3000/5", "X", "2026-"]))[1]),
        ])()

    def expression(self):
        r = self.random
        tags = set()
        seconds = self.time_field(0, 59, [0, 0, 0, 30, 15, 45], tags, "seconds")
        minutes = self.time_field(0, 59, [0, 30, 15, 45, 5, 59], tags, "minutes")
        hours = self.time_field(0, 23, [0, 1, 2, 3, 2, 1, 8, 12, 23], tags, "hours")
        month = self.month(tags)
        shape = self.pick([(45, "dom"), (45, "dow"), (3, "both"), (2, "neither")])
        if shape == "dom":
            day_of_month, day_of_week = self.day_of_month(tags), "?"
        elif shape == "dow":
            day_of_month, day_of_week = "?", self.day_of_week(tags)
        elif shape == "both":
            tags.add("invalid")
            day_of_month, day_of_week = self.day_of_month(tags), self.day_of_week(tags)
        else:
            tags.add("invalid")
            day_of_month, day_of_week = "?", "?"
        fields = [seconds, minutes, hours, day_of_month, month, day_of_week]
        if r.random() < 0.35:
            fields.append(self.year(tags))
        roll = r.random()
        if roll < 0.02:
            tags.add("invalid")
            fields = fields[: r.randint(3, 5)]
        elif roll < 0.04:
            tags.add("odd accepted")
            fields = fields + (["*"] if len(fields) == 6 else []) + ["extra"]
        separator = " "
        if r.random() < 0.03:
            # Runs of spaces separate fields like one (a TAB would split the batch line; the Swift
            # tests cover TABs).
            tags.add("odd accepted")
            separator = r.choice(["  ", "   "])
        text = separator.join(fields)
        if r.random() < 0.05:
            tags.add("lower case")
            text = text.lower()
        if not tags & {"invalid", "odd accepted"}:
            tags.add("plain")
        return text, tags


# ---------------------------------------------------------------------------------------------
# Queries
# ---------------------------------------------------------------------------------------------

def build_queries(seed, size):
    generator = Generator(seed)
    chooser = random.Random(seed + 1)
    zone_transitions = {zone: transitions(zone, YEAR) for zone in ZONES}
    offsets = [-86400, -3 * 3600, -2 * 3600, -4200, -3600, -1860, -900, -60, -1, 0, 1, 600, 1800, 3600, 7200]
    expressions = [(text, {"fixed"}) for text in FIXED]
    while len(expressions) < size:
        expressions.append(generator.expression())
    queries = []
    for index, (text, tags) in enumerate(expressions):
        zones = chooser.sample(ZONES, QUERIES_PER_EXPRESSION) if index % 4 else ZONES[:QUERIES_PER_EXPRESSION]
        for zone in zones:
            found = zone_transitions[zone]
            if found and chooser.random() < 0.85:
                instant, before, after = chooser.choice(found)
                after_instant = instant + dt.timedelta(seconds=chooser.choice(offsets))
            else:
                after_instant = dt.datetime(YEAR, 1, 1, tzinfo=UTC) + dt.timedelta(seconds=chooser.randint(0, 364 * 86400))
            start = "-"
            if chooser.random() < 0.25:
                local = after_instant.astimezone(ZoneInfo(zone)).replace(tzinfo=None)
                local -= dt.timedelta(seconds=chooser.choice([0, 1, 60, 1800, 3600, 5400, 86400, 3 * 86400]))
                if chooser.random() < 0.3:
                    local += dt.timedelta(seconds=chooser.choice([1800, 3600, 7200]))
                start = local.strftime("%Y-%m-%dT%H:%M:%S")
            count = chooser.randint(1, 8)
            queries.append((index, text, zone, start, utc_text(after_instant), count))
    return expressions, queries, zone_transitions


def run_oracle(lines):
    with tempfile.TemporaryDirectory() as classes:
        subprocess.run(["javac", "-nowarn", "-Xlint:-removal", "-cp", QUARTZ_JAR, "-d", classes, ORACLE_SOURCE],
                       check=True)
        result = subprocess.run(["java", "-Duser.timezone=UTC", "-cp", f"{QUARTZ_JAR}:{classes}", "QuartzOracle"],
                                input="".join(lines), capture_output=True, text=True, check=True)
    return result.stdout.split("\n")[: len(lines)]


def run_taskgate(taskgate, lines):
    result = subprocess.run([taskgate, "schedule", "next", "--dialect", "quartz", "--batch"], input="".join(lines),
                            capture_output=True, text=True, check=True)
    return result.stdout.split("\n")[: len(lines)]


def gap_windows(zone_transitions):
    """Per zone, the instants right after spring-forward gaps that are not one hour on the hour."""
    windows = defaultdict(list)
    for zone, found in zone_transitions.items():
        for instant, before, after in found:
            if after <= before:
                continue
            gap = after - before
            local_start = instant.astimezone(dt.timezone(before))
            if gap == dt.timedelta(hours=1) and local_start.minute == 0 and local_start.second == 0:
                continue
            windows[zone].append((instant, instant + dt.timedelta(hours=2)))
    return windows


def weekday_gaps(zone_transitions):
    """The zones with a spring-forward gap that starts on a Monday to Friday."""
    zones = set()
    for zone, found in zone_transitions.items():
        for instant, before, after in found:
            if after > before and instant.astimezone(dt.timezone(before)).weekday() < 5:
                zones.add(zone)
    return zones


def classify(query, ours, theirs, windows, weekday_gap_zones):
    """The pin class of a disagreement, or None for a real one."""
    _, text, zone, _, _, _ = query
    if ours.startswith("ERROR") and "loops forever" in ours:
        return PIN_LOOPS
    fields = text.upper().split()
    if (theirs.startswith("ERROR TIMEOUT") and not ours.startswith("ERROR") and len(fields) >= 6
            and "W" in fields[3] and zone in weekday_gap_zones):
        return PIN_W_GAP
    if ours.startswith("ERROR") or theirs.startswith("ERROR"):
        return None
    parse = lambda line: [dt.datetime.strptime(item, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
                          for item in line.split()]
    mine, java = parse(ours), parse(theirs)
    if not mine or not java:
        return None
    horizon = min(mine[-1], java[-1])
    mine_set = {instant for instant in mine if instant <= horizon}
    java_set = {instant for instant in java if instant <= horizon}
    if not java_set <= mine_set:
        return None
    lost = mine_set - java_set
    if lost and all(any(low <= instant <= high for low, high in windows.get(zone, [])) for instant in lost):
        return PIN_GAP
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--taskgate", required=True, help="path to the taskgate executable")
    parser.add_argument("--seed", type=int, default=20260308)
    parser.add_argument("--size", type=int, default=6000, help="number of expressions")
    parser.add_argument("--show", type=int, default=10, help="disagreements to print in full")
    parser.add_argument("--show-pinned", type=int, default=0, help="pinned cases to print in full")
    parser.add_argument("--write-sample", help="write accepted expressions (one per line) to this file")
    options = parser.parse_args()

    started = time.time()
    expressions, queries, zone_transitions = build_queries(options.seed, options.size)
    lines = ["\t".join([text, zone, start, after, str(count)]) + "\n"
             for _, text, zone, start, after, count in queries]
    java_answers = run_oracle(lines)
    our_answers = run_taskgate(options.taskgate, lines)
    windows = gap_windows(zone_transitions)
    weekday_gap_zones = weekday_gaps(zone_transitions)

    per_tag = defaultdict(lambda: [set(), 0, 0, 0])  # expressions, queries, agreements, pinned
    disagreements = []
    pinned = defaultdict(int)
    pinned_cases = []
    rejected_by_both = 0
    agreements = 0
    accepted = set()
    for query, ours, theirs in zip(queries, our_answers, java_answers):
        index = query[0]
        tags = expressions[index][1]
        both_rejected = ours.startswith("ERROR") and theirs.startswith("ERROR")
        same = both_rejected or ours == theirs
        pin = None if same else classify(query, ours, theirs, windows, weekday_gap_zones)
        if both_rejected:
            rejected_by_both += 1
        if same:
            agreements += 1
            if not ours.startswith("ERROR"):
                accepted.add(query[1])
        elif pin:
            pinned[pin] += 1
            pinned_cases.append((pin, query, ours, theirs))
        else:
            disagreements.append((query, ours, theirs))
        for tag in tags:
            entry = per_tag[tag]
            entry[0].add(index)
            entry[1] += 1
            entry[2] += 1 if same else 0
            entry[3] += 1 if pin else 0

    total = len(queries)
    pinned_total = sum(pinned.values())  # counted apart: agreement is over the other queries
    compared = total - pinned_total
    print(f"quartz: {len(expressions)} expressions, {total} queries, agreement {100.0 * agreements / compared:.2f}%, "
          f"{len(disagreements)} disagreements, {rejected_by_both} rejected by both, {pinned_total} pinned "
          f"({', '.join(f'{name} {count}' for name, count in sorted(pinned.items())) or 'none'}), "
          f"{time.time() - started:.0f} s")
    print("per construct (expressions, queries, agreeing, pinned):")
    for tag in sorted(per_tag):
        found, count, agreeing, pins = per_tag[tag]
        print(f"  {tag:16} {len(found):6} {count:7} {agreeing:7} {pins:5}")
    for query, ours, theirs in disagreements[: options.show]:
        _, text, zone, start, after, count = query
        print(f"\nDISAGREEMENT {text!r} zone {zone} start {start} after {after} count {count}")
        print(f"  taskgate: {ours}")
        print(f"  java:     {theirs}")
    for pin, query, ours, theirs in pinned_cases[: options.show_pinned]:
        _, text, zone, start, after, count = query
        print(f"\nPINNED {pin} {text!r} zone {zone} start {start} after {after} count {count}")
        print(f"  taskgate: {ours}")
        print(f"  java:     {theirs}")
    if options.write_sample:
        sample = sorted(accepted)
        random.Random(options.seed).shuffle(sample)
        with open(options.write_sample, "w", encoding="utf-8") as handle:
            for text in sorted(sample[:500]):
                handle.write(text.replace("\t", "\\t") + "\n")
    return 1 if disagreements else 0


if __name__ == "__main__":
    sys.exit(main())
