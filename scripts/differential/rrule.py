#!/usr/bin/env python3
"""Differential test of taskgate's RRULE dialect against python-dateutil 2.9.0.

    python3 scripts/differential/rrule.py --taskgate .build/release/taskgate [--seed N] [--size N]
        [--jobs N] [--show N] [--libical PATH/TO/ical_next] [--write-sample FILE]

Generates --size random RRULE sets (default 5000) from a fixed seed: every FREQ, INTERVAL, COUNT,
UNTIL (UTC, floating and date), every BYxxx part, WKST, several RRULE lines, EXDATE lines (UTC,
floating, TZID), DTSTART lines, upper and lower case, across twelve zones, plus about one in eight
invalid on purpose (values out of range, RFC 5545 restrictions, syntax). Each set gets several
queries, many with AFTER just before a DST transition of its zone. The queries go to
`taskgate schedule next --dialect rrule --batch` and to scripts/oracles/rrule/rrule_oracle.py,
and the answers are compared line by line.

A line agrees when both answers are equal, or when both sides reject the text. Where dateutil
deviates from RFC 5545 and taskgate follows the RFC, the line is *pinned*: it counts apart, under
the name of the deviation, and only when (a) the text has the feature the deviation is about and
(b) the oracle run with --rfc (dateutil with that one RFC reading applied) gives taskgate's answer
exactly, or, for texts the RFC forbids, taskgate rejects them naming the part the corpus broke.
Every other difference is a disagreement: the script prints the first --show of them in full and
exits 1.

--libical also runs the UTC queries through the libical driver (scripts/oracles/libical) and
reports how often libical agrees with dateutil; that comparison is informative and never fails.
--write-sample writes a sample of valid texts for the Swift round-trip test.
"""
import argparse
import collections
import math
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

HERE = os.path.dirname(os.path.abspath(__file__))
ORACLE = os.path.join(HERE, "..", "oracles", "rrule", "rrule_oracle.py")
UTC = timezone.utc
VERBOSE = "--verbose" in sys.argv

ZONES = [
    "UTC", "America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "Pacific/Chatham", "America/Sao_Paulo",
    "Asia/Kolkata", "Australia/Sydney", "Europe/London", "America/St_Johns", "Asia/Tehran", "America/Santiago",
]
FREQS = ["YEARLY", "MONTHLY", "WEEKLY", "DAILY", "HOURLY", "MINUTELY", "SECONDLY"]
FREQ_WEIGHTS = [14, 16, 16, 18, 14, 12, 10]
DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
# How far past DTSTART the queries look, by FREQ (dateutil iterates from DTSTART).
SPAN = {"YEARLY": 12 * 365, "MONTHLY": 4 * 365, "WEEKLY": 2 * 365, "DAILY": 400, "HOURLY": 20, "MINUTELY": 1.5,
        "SECONDLY": 0.02}
FIRST_YEAR, LAST_YEAR = 2016, 2031

# The deviations of dateutil 2.9.0 from RFC 5545 on which taskgate follows the RFC. Each is
# confirmed per line by the oracle's --rfc reading (see rrule_oracle.py).
PINS = {
    "floating-until": "UNTIL without Z beside a zoned DTSTART: dateutil raises 'RRULE UNTIL values must be "
                      "specified in UTC when DTSTART is timezone-aware'; taskgate compares it on the wall clock",
    "floating-exdate": "EXDATE without Z or TZID: dateutil raises TypeError (naive vs aware); taskgate reads a "
                       "wall-clock time in the schedule's zone",
    "exdate-instant": "EXDATE in UTC (or another zone's TZID): dateutil compares across zones with PEP 495 rules, "
                      "so it never removes a result in a gap or a repeated hour; taskgate removes the instant",
    "floating-dtstart": "DTSTART without Z or TZID: dateutil makes a naive DTSTART and then rejects a UTC UNTIL or "
                        "EXDATE beside it; taskgate reads it in the schedule's zone",
    "leap-second": "BYSECOND=60: dateutil raises 'second must be in 0..59'; taskgate accepts the RFC value, "
                   "which never occurs in POSIX time",
    "unreachable-by-part": "BYHOUR/BYMINUTE/BYSECOND that the FREQ's INTERVAL never reaches: dateutil raises "
                           "('empty set', 'Invalid combination'); RFC 5545 makes the rule empty",
    "mixed-byday": "BYDAY mixing plain and ordinal weekdays: dateutil intersects them; RFC 5545 lists days, "
                   "taskgate selects their union",
    "rfc-rejects": "text RFC 5545 forbids (value ranges, part restrictions, COUNT=0, a part twice, ...) that "
                   "dateutil accepts: taskgate rejects it naming the part",
}


# ---------------------------------------------------------------------------------------------
# Zones and their transitions


def transitions(zone_name):
    """The UTC instants at which the zone's offset changes, FIRST_YEAR..LAST_YEAR."""
    zone = ZoneInfo(zone_name)
    result = []
    moment = datetime(FIRST_YEAR, 1, 1, tzinfo=UTC)
    end = datetime(LAST_YEAR + 1, 1, 1, tzinfo=UTC)
    previous = moment.astimezone(zone).utcoffset()
    while moment < end:
        following = moment + timedelta(days=1)
        offset = following.astimezone(zone).utcoffset()
        if offset != previous:
            low, high = moment, following
            while high - low > timedelta(seconds=1):
                middle = low + (high - low) / 2
                if middle.astimezone(zone).utcoffset() == previous:
                    low = middle
                else:
                    high = middle
            result.append(high.replace(microsecond=0))
            previous = offset
        moment = following
    return result


def utc_text(instant):
    return instant.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def basic(local):
    return local.strftime("%Y%m%dT%H%M%S")


# ---------------------------------------------------------------------------------------------
# The corpus


class Case:
    """One RRULE set with its queries."""

    def __init__(self, text, zone, start, queries, invalid_field=None):
        self.text = text
        self.zone = zone
        self.start = start  # "YYYY-MM-DDTHH:MM:SS" or "-"
        self.queries = queries  # [(after, count)]
        self.invalid_field = invalid_field


class Generator:
    def __init__(self, seed):
        self.random = random.Random(seed)
        self.transitions = {zone: transitions(zone) for zone in ZONES}

    def pick(self, values, weights=None):
        return self.random.choices(values, weights)[0] if weights else self.random.choice(values)

    def chance(self, probability):
        return self.random.random() < probability

    def some(self, values, low=1, high=3):
        return sorted(self.random.sample(values, self.random.randint(low, min(high, len(values)))), key=values.index)

    def local_start(self, zone, freq):
        """A DTSTART: random, or inside/near a transition of the zone (within the FREQ's span)."""
        tz = ZoneInfo(zone)
        if self.transitions[zone] and self.chance(0.3 if SPAN[freq] >= 1 else 0.6):
            instant = self.pick(self.transitions[zone])
            reach = int(min(5400, SPAN[freq] * 86400 / 2))
            local = (instant + timedelta(seconds=self.random.randint(-reach, reach // 4))).astimezone(tz).replace(
                tzinfo=None)
            if self.chance(0.5):
                # A wall time inside the gap or the repeated hour itself.
                before = (instant - timedelta(seconds=1)).astimezone(tz).replace(tzinfo=None)
                local = before + timedelta(seconds=self.random.randint(1, 3600))
            return local.replace(microsecond=0)
        day = datetime(self.random.randint(FIRST_YEAR + 2, LAST_YEAR - 3), 1, 1) + timedelta(
            days=self.random.randint(0, 364))
        if self.chance(0.6):
            return day.replace(hour=self.random.randint(0, 23))
        return day.replace(hour=self.random.randint(0, 23), minute=self.random.randint(0, 59),
                           second=self.random.randint(0, 59))

    def recur(self, start, freq=None, allow_count=True):
        """A valid RECUR value, as (text, freq, parts)."""
        freq = freq or self.pick(FREQS, FREQ_WEIGHTS)
        parts = collections.OrderedDict()
        parts["FREQ"] = freq
        sub_daily = freq in ("HOURLY", "MINUTELY", "SECONDLY")
        if self.chance(0.4):
            parts["INTERVAL"] = str(self.pick([2, 3, 4, 5, 7, 15, 90] if sub_daily else [2, 2, 3, 4]))
        interval = int(parts.get("INTERVAL", "1"))
        # dateutil steps SECONDLY rules second by second through every time they do not select,
        # so their filters keep DTSTART's day, hour and minute selected (the corpus stays fast).
        secondly = freq == "SECONDLY"
        months = None
        if not secondly and self.chance({"YEARLY": 0.5}.get(freq, 0.15)):
            months = self.some(list(range(1, 13)), 1, 4)
        day_part = False
        if freq == "YEARLY" and self.chance(0.2):
            if months:
                weeks = sorted({min(53, max(1, int((m - 1) * 4.35) + self.random.randint(1, 4))) for m in months})
            else:
                weeks = self.some(list(range(1, 54)) + [-1, -2, -3, 52, 53, 1], 1, 3)
            parts["BYWEEKNO"] = ",".join(map(str, weeks))
            day_part = True
        if (freq == "YEARLY" or (sub_daily and not secondly)) and not months and "BYWEEKNO" not in parts and self.chance(0.2):
            parts["BYYEARDAY"] = ",".join(map(str, self.some(list(range(1, 367)) + [-1, -2, -365, -366, 366, 60], 1, 3)))
            day_part = True
        ordinal_days = False
        if freq != "WEEKLY" and not secondly and "BYYEARDAY" not in parts and self.chance(
                {"MONTHLY": 0.45, "YEARLY": 0.3}.get(freq, 0.15)):
            pool = list(range(1, 29)) + [-1, -2, -7, -28] if months else list(range(1, 32)) + [-1, -2, -3, -31, 29, 30,
                                                                                                31]
            parts["BYMONTHDAY"] = ",".join(map(str, self.some(pool, 1, 3)))
            day_part = True
        if self.chance({"WEEKLY": 0.6, "MONTHLY": 0.45, "YEARLY": 0.35}.get(freq, 0.25)):
            plain = self.some(DAYS, 1, 4)
            if secondly and DAYS[start.weekday()] not in plain:
                plain = sorted(plain + [DAYS[start.weekday()]], key=DAYS.index)
            entries = list(plain)
            if freq in ("MONTHLY", "YEARLY") and "BYWEEKNO" not in parts and "BYMONTHDAY" not in parts \
                    and "BYYEARDAY" not in parts and self.chance(0.5):
                limit = 5 if (freq == "MONTHLY" or months) else 53
                ordinals = ["%d%s" % (self.pick([1, 2, 3, 4, -1, -2, 5, -5, limit, -limit]) * 1, self.pick(DAYS))
                            for _ in range(self.random.randint(1, 2))]
                ordinal_days = True
                if self.chance(0.85):
                    entries = ordinals
                else:
                    # Plain and ordinal weekdays together; sharing a weekday keeps dateutil's
                    # intersection non-empty (an empty one makes it search to year 9999).
                    entries = plain[:1] + ordinals + ["%d%s" % (self.pick([1, -1, 2]), plain[0])]
            parts["BYDAY"] = ",".join(entries)
            day_part = True
        if months:
            parts["BYMONTH"] = ",".join(map(str, months))
        if self.chance(0.35):
            hours = self.some(list(range(24)), 1, 3)
            if freq == "HOURLY" and interval > 1 and self.chance(0.85):
                step = math.gcd(interval, 24)
                hours = sorted({(start.hour + step * k) % 24 for k in self.some(list(range(24 // step)), 1, 3)})
            if secondly:
                hours = sorted({start.hour, (start.hour + 1) % 24} | set(hours[:1]))
            parts["BYHOUR"] = ",".join(map(str, hours))
        if self.chance(0.35):
            minutes = self.some([0, 0, 15, 30, 45, 59, 1, 7, 20], 1, 3)
            if freq == "MINUTELY" and interval > 1 and self.chance(0.85):
                step = math.gcd(interval, 60)
                minutes = sorted({(start.minute + step * k) % 60 for k in self.some(list(range(60 // step)), 1, 3)})
            if secondly:
                minutes = sorted({start.minute, (start.minute + 1) % 60, (start.minute + 2) % 60} | set(minutes[:1]))
            parts["BYMINUTE"] = ",".join(map(str, sorted(set(minutes))))
        if self.chance(0.25):
            seconds = self.some([0, 0, 30, 59, 1, 10], 1, 3)
            if freq == "SECONDLY" and interval > 1 and self.chance(0.85):
                step = math.gcd(interval, 60)
                seconds = sorted({(start.second + step * k) % 60 for k in self.some(list(range(60 // step)), 1, 3)})
            if self.chance(0.04):
                seconds = sorted(set(seconds + [60]))
            parts["BYSECOND"] = ",".join(map(str, sorted(set(seconds))))
        mixed = "BYDAY" in parts and ordinal_days and any(re.fullmatch(r"[A-Z]{2}", d) for d in parts["BYDAY"].split(","))
        if len(parts) > 1 + ("INTERVAL" in parts) and not mixed and self.chance(0.18):
            # Positions that exist in most periods: a sub-daily period often holds one time only,
            # and a position no period has makes dateutil search to year 9999.
            # Times in one period: the lists of the units finer than the period.
            finer = {"SECONDLY": (), "MINUTELY": ("BYSECOND",), "HOURLY": ("BYMINUTE", "BYSECOND")}.get(
                freq, ("BYHOUR", "BYMINUTE", "BYSECOND"))
            times = 1
            for name in finer:
                times *= len(parts[name].split(",")) if name in parts else 1
            parts["BYSETPOS"] = ",".join(map(str, self.some([1, -1, 2, -2] if times >= 2 else [1, -1], 1, 2)))
        if self.chance(0.3):
            parts["WKST"] = self.pick(DAYS)
        span = SPAN[freq]
        ending = self.random.random()
        if ending < 0.2 and allow_count and not mixed:
            parts["COUNT"] = str(self.random.randint(1, 40))
        elif ending < 0.42:
            until = start + timedelta(days=span * self.random.uniform(0.02, 0.9))
            form = self.random.random()
            if form < 0.75:
                parts["UNTIL"] = basic(until.replace(microsecond=0)) + "Z"
            elif form < 0.95:
                parts["UNTIL"] = basic(until.replace(microsecond=0))
            else:
                parts["UNTIL"] = until.strftime("%Y%m%d")
        keys = list(parts)
        if self.chance(0.3):
            rest = keys[1:]
            self.random.shuffle(rest)
            keys = keys[:1] + rest
        text = ";".join("%s=%s" % (key, parts[key]) for key in keys)
        return text, freq, parts

    def mutate(self, text, freq):
        """An invalid RECUR value and the part taskgate must name."""
        choices = [
            (lambda: text + ";BYHOUR=24", "BYHOUR"), (lambda: text + ";BYMINUTE=60", "BYMINUTE"),
            (lambda: text + ";BYSECOND=61", "BYSECOND"), (lambda: text + ";BYMONTH=13", "BYMONTH"),
            (lambda: text + ";BYMONTH=0", "BYMONTH"), (lambda: text + ";BYMONTHDAY=32", "BYMONTHDAY"),
            (lambda: text + ";BYMONTHDAY=0", "BYMONTHDAY"), (lambda: text + ";BYMONTHDAY=-32", "BYMONTHDAY"),
            (lambda: "FREQ=YEARLY;BYYEARDAY=367", "BYYEARDAY"), (lambda: "FREQ=YEARLY;BYYEARDAY=0", "BYYEARDAY"),
            (lambda: "FREQ=YEARLY;BYWEEKNO=54", "BYWEEKNO"), (lambda: "FREQ=YEARLY;BYWEEKNO=0", "BYWEEKNO"),
            (lambda: "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=0", "BYSETPOS"),
            (lambda: "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=367", "BYSETPOS"),
            (lambda: "FREQ=MONTHLY;BYDAY=0MO", "BYDAY"), (lambda: "FREQ=YEARLY;BYDAY=54MO", "BYDAY"),
            (lambda: "FREQ=WEEKLY;BYDAY=MON", "BYDAY"), (lambda: "FREQ=DAILY;BYDAY=XX", "BYDAY"),
            (lambda: "FREQ=DAILY;COUNT=0", "COUNT"), (lambda: "FREQ=DAILY;INTERVAL=0", "INTERVAL"),
            (lambda: "FREQ=DAILY;COUNT=-1", "COUNT"), (lambda: "FREQ=DAILY;INTERVAL=1.5", "INTERVAL"),
            (lambda: "FREQ=DAILY;COUNT=3;UNTIL=20300101T000000Z", "UNTIL"),
            (lambda: "FREQ=DAILY;UNTIL=20300101T000000Z;COUNT=3", "COUNT"),
            (lambda: "FREQ=DAILY;BYHOUR=1;BYHOUR=2", "BYHOUR"), (lambda: "FREQ=DAILY;byhour=1;BYHOUR=2", "BYHOUR"),
            (lambda: text + ";BYEASTER=0", "rule part"), (lambda: text + ";X-NAME=1", "rule part"),
            (lambda: "BYHOUR=9;BYMINUTE=0", "FREQ"), (lambda: "FREQ=FORTNIGHTLY", "FREQ"),
            (lambda: text + ";", "rule part"), (lambda: "FREQ=DAILY;BYHOUR=", "BYHOUR"),
            (lambda: "FREQ=WEEKLY;BYDAY=1MO", "BYDAY"), (lambda: "FREQ=DAILY;BYDAY=-1FR", "BYDAY"),
            (lambda: "FREQ=WEEKLY;BYMONTHDAY=1", "BYMONTHDAY"), (lambda: "FREQ=MONTHLY;BYYEARDAY=1", "BYYEARDAY"),
            (lambda: "FREQ=DAILY;BYYEARDAY=100", "BYYEARDAY"), (lambda: "FREQ=WEEKLY;BYYEARDAY=-1", "BYYEARDAY"),
            (lambda: "FREQ=MONTHLY;BYWEEKNO=10", "BYWEEKNO"), (lambda: "FREQ=DAILY;BYWEEKNO=1", "BYWEEKNO"),
            (lambda: "FREQ=MONTHLY;BYSETPOS=1", "BYSETPOS"), (lambda: "FREQ=DAILY;UNTIL=2026", "UNTIL"),
            (lambda: "FREQ=DAILY;UNTIL=20261301T000000Z", "UNTIL"), (lambda: "FREQ=WEEKLY;WKST=XX", "WKST"),
            (lambda: "FREQ=DAILY;BYHOUR=+5", "BYHOUR"), (lambda: "FREQ=YEARLY;BYWEEKNO=5;BYDAY=1MO", "BYDAY"),
            (lambda: "FREQ=DAILY;BYMINUTE=1,,2", "BYMINUTE"), (lambda: "FREQ=DAILY;INTERVAL=99999999999", "INTERVAL"),
            (lambda: "FREQ=DAILY; BYHOUR=9", "rule part"),
        ]
        make, field = self.pick(choices)
        return make(), field

    def case(self):
        zone = self.pick(ZONES)
        tz = ZoneInfo(zone)
        freq = self.pick(FREQS, FREQ_WEIGHTS)
        start = self.local_start(zone, freq)
        lines = []
        invalid_field = None
        text, freq, parts = self.recur(start, freq)
        lines.append(text)
        rules = self.random.random()
        span = SPAN[freq] * max(1, int(parts.get("INTERVAL", "1")) // 2)
        if rules < 0.12:
            other, other_freq, other_parts = self.recur(start)
            lines.append(other)
            span = min(span, SPAN[other_freq] * max(1, int(other_parts.get("INTERVAL", "1")) // 2))
        if self.chance(0.12):
            invalid_field = "?"
            lines[0], invalid_field = self.mutate(text, freq)
        for index, line in enumerate(lines):
            if self.chance(0.75):
                lines[index] = "RRULE:" + line
            if self.chance(0.12):
                lines[index] = lines[index].lower()
        start_field = start.strftime("%Y-%m-%dT%H:%M:%S")
        dtstart = start
        roll = self.random.random()
        if roll < 0.08:
            lines.insert(0, "DTSTART;TZID=%s:%s" % (zone, basic(start)))
            start_field = "-" if self.chance(0.5) else (start - timedelta(days=3)).strftime("%Y-%m-%dT%H:%M:%S")
        elif roll < 0.11:
            instant = start.replace(tzinfo=tz).astimezone(UTC)
            lines.insert(0, "DTSTART:%sZ" % basic(instant))
            dtstart = instant.replace(tzinfo=None)
            tz = UTC
        elif roll < 0.12:
            lines.insert(0, "DTSTART:%s" % basic(start))
        elif roll < 0.22:
            start_field = "-"
        if self.chance(0.15):
            lines.append(self.exdate(zone, dtstart, freq))
        if invalid_field is None and self.chance(0.02):
            bad = self.pick([("RDATE:20260101T000000Z", "property"), ("EXRULE:FREQ=DAILY", "property"),
                             ("EXDATE:2026", "EXDATE"), ("EXDATE;TZID=Mars/Olympus:20260101T000000", "TZID"),
                             ("DTSTART:20260101T000000Z | DTSTART:20260102T000000Z", "DTSTART"),
                             ("X-FOO:bar", "property"), ("RRULE;X-A=1:FREQ=DAILY", "RRULE")])
            lines.append(bad[0])
            invalid_field = bad[1]
        queries = []
        zone_transitions = [t for t in self.transitions[zone] if t > start.replace(tzinfo=ZoneInfo(zone))
                            and t < start.replace(tzinfo=ZoneInfo(zone)) + timedelta(days=span)]
        for _ in range(self.random.randint(2, 4)):
            count = self.pick([1, 3, 5, 8, 12])
            if zone_transitions and self.chance(0.6):
                after = self.pick(zone_transitions) - timedelta(seconds=self.pick([1, 60, 1800, 3600, 5400, 7200]))
            else:
                after = start.replace(tzinfo=ZoneInfo(zone)) + timedelta(days=span * self.random.uniform(-0.02, 0.7))
            queries.append((utc_text(after.replace(microsecond=0)), count))
        return Case(" | ".join(lines), zone, start_field, queries, invalid_field)

    def exdate(self, zone, start, freq):
        """EXDATE values near DTSTART, in one of the four forms."""
        step = {"YEARLY": timedelta(days=365), "MONTHLY": timedelta(days=30), "WEEKLY": timedelta(days=7),
                "DAILY": timedelta(days=1), "HOURLY": timedelta(hours=1), "MINUTELY": timedelta(minutes=1),
                "SECONDLY": timedelta(seconds=1)}[freq]
        locals_ = [start + step * self.random.randint(0, 6) for _ in range(self.random.randint(1, 3))]
        form = self.random.random()
        if form < 0.4:
            values = [basic(l.replace(tzinfo=ZoneInfo(zone)).astimezone(UTC)) + "Z" for l in locals_]
            return "EXDATE:" + ",".join(values)
        if form < 0.75:
            return "EXDATE;TZID=%s:%s" % (zone, ",".join(basic(l) for l in locals_))
        if form < 0.9:
            return "EXDATE:" + ",".join(basic(l) for l in locals_)
        other = self.pick(ZONES)
        return "EXDATE;TZID=%s:%s" % (other, ",".join(basic(l) for l in locals_))


# ---------------------------------------------------------------------------------------------
# Running both sides


def run(command, lines, jobs=1):
    """Feeds the lines to the command, in `jobs` processes over contiguous chunks."""
    began = time.monotonic()
    try:
        return run_chunks(command, lines, jobs)
    finally:
        if VERBOSE:
            sys.stderr.write("%6.1f s  %6d lines  %s\n" % (time.monotonic() - began, len(lines), " ".join(command[-2:])))


def run_chunks(command, lines, jobs):
    if jobs <= 1 or len(lines) < 200:
        result = subprocess.run(command, input="\n".join(lines) + "\n", capture_output=True, text=True)
        if result.returncode != 0:
            sys.exit("%s failed (%d): %s" % (" ".join(command), result.returncode, result.stderr[-2000:]))
        return result.stdout.split("\n")[:len(lines)]
    size = (len(lines) + jobs - 1) // jobs
    processes = []
    for index in range(jobs):
        chunk = lines[index * size:(index + 1) * size]
        handle = tempfile.TemporaryFile("w+")
        handle.write("\n".join(chunk) + "\n")
        handle.seek(0)
        output = tempfile.TemporaryFile("w+")
        processes.append((subprocess.Popen(command, stdin=handle, stdout=output, stderr=subprocess.PIPE, text=True),
                          output, len(chunk)))
    answers = []
    for process, output, count in processes:
        _, errors = process.communicate()
        if process.returncode != 0:
            sys.exit("%s failed (%d): %s" % (" ".join(command), process.returncode, errors[-2000:]))
        output.seek(0)
        answers.extend(output.read().split("\n")[:count])
    return answers


def explain(indices, lines, ours, cases, rows, jobs):
    """For each line, the smallest set of named readings under which the oracle gives taskgate's
    answer (found by dropping the readings one at a time), or nothing."""
    readings = {i: set(features(cases[rows[i][0]].text)) for i in indices}

    def ask(queries):
        """queries: [(index, readings)] -> {index: answer}, one oracle run per reading set."""
        groups = collections.defaultdict(list)
        for index, chosen in queries:
            groups[",".join(sorted(chosen))].append(index)
        answers = {}
        for key, members in groups.items():
            for index, answer in zip(members, run([sys.executable, ORACLE, "--rfc=" + key],
                                                  [lines[i] for i in members], jobs)):
                answers[index] = answer
        return answers

    full = ask([(i, readings[i]) for i in indices])
    explained = {i: readings[i] for i in indices if full[i] == ours[i]}
    untried = {i: sorted(readings[i]) for i in explained if len(readings[i]) > 1}
    while untried:
        trial = {i: untried[i].pop() for i in untried}
        answers = ask([(i, explained[i] - {trial[i]}) for i in trial])
        for i, dropped in trial.items():
            if answers[i] == ours[i]:
                explained[i] = explained[i] - {dropped}
        untried = {i: [c for c in untried[i] if c in explained[i]] for i in untried}
        untried = {i: c for i, c in untried.items() if c and len(explained[i]) > 1}
    return explained


def features(text):
    """The pin categories whose feature the text has."""
    upper = text.upper()
    found = set()
    if re.search(r"UNTIL=\d{8}(T\d{6})?(?![\dZ])", upper):
        found.add("floating-until")
    for line in upper.split(" | "):
        if line.startswith("EXDATE:") and re.search(r"\d{8}T\d{6}(?!Z)(,|$)", line):
            found.add("floating-exdate")
        if line.startswith("EXDATE:") and "Z" in line:
            found.add("exdate-instant")
        if line.startswith("EXDATE;TZID="):
            found.add("exdate-instant")
        if line.startswith("DTSTART:") and not line.endswith("Z"):
            found.add("floating-dtstart")
    if re.search(r"BYSECOND=([\d,]*,)?60(,|;|$| )", upper):
        found.add("leap-second")
    if re.search(r"INTERVAL=", upper) and re.search(r"BY(HOUR|MINUTE|SECOND)=", upper):
        found.add("unreachable-by-part")
    for match in re.finditer(r"BYDAY=([^;| ]*)", upper):
        entries = match.group(1).split(",")
        if any(re.fullmatch(r"[A-Z]{2}", e) for e in entries) and any(re.fullmatch(r"[+-]?\d+[A-Z]{2}", e) for e in entries):
            found.add("mixed-byday")
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--taskgate", required=True)
    parser.add_argument("--seed", type=int, default=5545)
    parser.add_argument("--size", type=int, default=5000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--show", type=int, default=10)
    parser.add_argument("--libical")
    parser.add_argument("--write-sample")
    parser.add_argument("--verbose", action="store_true", help="print how long each run took")
    arguments = parser.parse_args()

    generator = Generator(arguments.seed)
    cases = [generator.case() for _ in range(arguments.size)]
    rows = []
    for case_index, case in enumerate(cases):
        for after, count in case.queries:
            rows.append((case_index, "\t".join([case.text, case.zone, case.start, after, str(count)])))
    lines = [row[1] for row in rows]
    ours = run([arguments.taskgate, "schedule", "next", "--dialect", "rrule", "--batch"], lines)
    # dateutil answers every valid query; an invalid text is asked once (with a short time
    # limit: dateutil accepts BYMONTH=13 or INTERVAL=0 and then searches forever).
    valid_rows = [i for i in range(len(lines)) if cases[rows[i][0]].invalid_field is None]
    first_invalid = {}
    for i in range(len(lines)):
        if cases[rows[i][0]].invalid_field is not None:
            first_invalid.setdefault(rows[i][0], i)
    theirs = [""] * len(lines)
    for i, answer in zip(valid_rows, run([sys.executable, ORACLE], [lines[i] for i in valid_rows], arguments.jobs)):
        theirs[i] = answer
    invalid_rows = sorted(first_invalid.values())
    invalid_answers = dict(zip(invalid_rows, run([sys.executable, ORACLE, "--time-limit", "0.1"],
                                                 [lines[i] for i in invalid_rows], arguments.jobs)))
    for i in range(len(lines)):
        if cases[rows[i][0]].invalid_field is not None:
            theirs[i] = invalid_answers[first_invalid[rows[i][0]]]

    # Lines where the answers differ and the text has features of named deviations: find the
    # smallest set of the oracle's RFC readings that gives taskgate's answer.
    differing = [i for i in range(len(lines)) if cases[rows[i][0]].invalid_field is None and ours[i] != theirs[i]
                 and not (ours[i].startswith("ERROR") and theirs[i].startswith("ERROR"))
                 and features(cases[rows[i][0]].text)]
    explained = explain(differing, lines, ours, cases, rows, arguments.jobs)

    agree = rejected_both = answered = crossing = 0
    pinned = collections.Counter()
    pinned_cases = collections.defaultdict(set)
    inconclusive = []
    disagreements = []
    for index, line in enumerate(lines):
        case = cases[rows[index][0]]
        mine, oracle = ours[index], theirs[index]
        if case.invalid_field is not None:
            expected = "rrule: %s (" % case.invalid_field
            if not mine.startswith("ERROR " + expected):
                disagreements.append((line, mine, oracle, "the text is invalid (%s); taskgate must reject it naming "
                                                          "that part" % case.invalid_field))
            elif oracle.startswith("ERROR") and "TIMEOUT" not in oracle:
                rejected_both += 1
            else:
                pinned["rfc-rejects"] += 1
                pinned_cases["rfc-rejects"].add(rows[index][0])
            continue
        if mine == oracle:
            agree += 1
            if mine != "" and not mine.startswith("ERROR"):
                answered += 1
                fields = line.split("\t")
                after = datetime.strptime(fields[3], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
                last = datetime.strptime(mine.split(" ")[-1], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
                crossing += any(after < t <= last for t in generator.transitions[case.zone])
            continue
        if mine.startswith("ERROR") and oracle.startswith("ERROR"):
            rejected_both += 1
            continue
        if "TIMEOUT" in oracle and mine == "":
            inconclusive.append(line)
            continue
        if index in explained:
            name = "+".join(sorted(explained[index]))
            pinned[name] += 1
            pinned_cases[name].add(rows[index][0])
            continue
        disagreements.append((line, mine, oracle, "no named deviation explains the difference"))

    valid_expressions = sum(1 for c in cases if c.invalid_field is None)
    total = len(lines)
    agreement = 100.0 * (total - len(disagreements)) / total if total else 100.0
    print("rrule: %d expressions, %d queries, agreement %.2f%%, %d disagreements, %d rejected by both, %d pinned, "
          "%d inconclusive" % (len(cases), total, agreement, len(disagreements), rejected_both, sum(pinned.values()),
                               len(inconclusive)))
    print("  %d valid expressions; %d queries agree exactly, %d of them with instants, %d of those across a DST "
          "transition; inconclusive = dateutil timed out where taskgate found no instant"
          % (valid_expressions, agree, answered, crossing))
    for name, count in sorted(pinned.items()):
        described = "; ".join(PINS.get(part, part) for part in name.split("+"))
        print("  pinned %-40s %5d queries, %4d expressions: %s" % (name, count, len(pinned_cases[name]), described))
    for line, mine, oracle, note in disagreements[:arguments.show]:
        print("\nDISAGREEMENT\n  query:    %s\n  taskgate: %s\n  dateutil: %s\n  %s" % (
            line.replace("\t", "  ⇥  "), mine, oracle, note))

    if arguments.libical:
        compare_libical(arguments.libical, lines, theirs, cases, rows)
    if arguments.write_sample:
        sample = [c for c in cases if c.invalid_field is None][:600]
        with open(arguments.write_sample, "w") as handle:
            handle.write("# Valid RRULE sets from scripts/differential/rrule.py --seed %d (TEXT, ZONE, START, AFTER)\n"
                         % arguments.seed)
            for c in sample:
                handle.write("\t".join([c.text, c.zone, c.start, c.queries[0][0]]) + "\n")
    return 1 if disagreements else 0


def rule_features(text):
    """The parts of an RRULE set that engines are known to treat differently."""
    upper = text.upper()
    found = set()
    for freq in re.findall(r"FREQ=(\w+)", upper):
        found.add("FREQ=" + freq)
    for part in ("BYSETPOS", "BYWEEKNO", "BYYEARDAY", "BYSECOND", "BYMINUTE", "BYHOUR", "BYMONTH=", "COUNT", "UNTIL",
                 "EXDATE", "WKST"):
        if part in upper:
            found.add(part.rstrip("="))
    if re.search(r"INTERVAL=(?!1[;| ]|1$)\d+", upper):
        found.add("INTERVAL>1")
    if re.search(r"BYDAY=[^;| ]*\d", upper):
        found.add("ordinal BYDAY")
    elif "BYDAY" in upper:
        found.add("BYDAY")
    if re.search(r"BYMONTHDAY=[^;| ]*-", upper):
        found.add("negative BYMONTHDAY")
    elif "BYMONTHDAY" in upper:
        found.add("BYMONTHDAY")
    if upper.count("RRULE:") + len(re.findall(r"(^| \| )FREQ=", upper)) > 1:
        found.add("several rules")
    return found


def compare_libical(path, lines, theirs, cases, rows):
    """How libical's answers compare with dateutil's on valid UTC queries (informative only)."""
    chosen = [i for i, line in enumerate(lines) if line.split("\t")[1] == "UTC" and cases[rows[i][0]].invalid_field is None
              and not theirs[i].startswith("ERROR")]
    answers = run([path], [lines[i] for i in chosen])
    same = rejected = 0
    with_feature = collections.Counter()
    differing = collections.Counter()
    examples = {}
    for i, answer in zip(chosen, answers):
        features_here = rule_features(lines[i].split("\t")[0])
        with_feature.update(features_here)
        if answer == theirs[i]:
            same += 1
            continue
        if answer.startswith("ERROR"):
            rejected += 1
            features_here = {"libical rejects"}
        differing.update(features_here)
        for feature in features_here:
            examples.setdefault(feature, (lines[i], answer, theirs[i]))
    print("\nlibical (informative): %d valid UTC queries, %d agree with dateutil (%.1f%%), %d rejected by libical"
          % (len(chosen), same, 100.0 * same / max(1, len(chosen)), rejected))
    rates = sorted(((differing[f] / with_feature[f] if with_feature[f] else 1.0, f) for f in differing), reverse=True)
    for rate, feature in rates:
        line, answer, oracle = examples[feature]
        total = with_feature[feature] if feature != "libical rejects" else rejected
        print("  %-20s differs in %4d of %4d queries with it, e.g.\n      %s\n      libical:  %s\n      dateutil: %s"
              % (feature, differing[feature], total, line.replace("\t", "  ⇥  ")[:200], answer[:150], oracle[:150]))


if __name__ == "__main__":
    sys.exit(main())
