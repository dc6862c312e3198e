#!/usr/bin/env python3
"""Differential test of taskgate's five-field cron (Debian semantics) against cronsim 2.8.

    python3 scripts/differential/cron.py --taskgate .build/release/taskgate [--seed N] [--size N]

Generates SIZE random crontab time specifications from SEED (valid ones of every shape, macros,
and invalid ones of every kind), pairs each with several zones and AFTER instants placed right
before DST transitions (and a few anywhere), asks taskgate (`schedule next --dialect cron
--batch`) and the oracle (scripts/oracles/cron/cron_oracle.py) for the next instants, and
compares the answers line by line. Both rejecting counts as agreement (messages differ).

Where cronsim deviates from Debian cron, taskgate follows Debian; those answers are pinned
below (PINNED), named, explained and counted apart. Any other difference is a disagreement: the
first ones are printed in full and the script exits 1.

--write-sample FILE writes about 600 of the expressions both sides accept (one a line, evenly
spread over the sorted, deduplicated list) to FILE; the committed sample Tests/TaskgateCoreTests/Fixtures/cron/roundtrip-sample.txt comes
from `--seed 1 --size 5000` and is read by UnixCronRoundTripTests (parse, print, parse).
"""

import argparse
import os
import random
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

HERE = os.path.dirname(os.path.abspath(__file__))
ORACLE = os.path.join(HERE, "..", "oracles", "cron", "cron_oracle.py")

ZONES = [
    "UTC",
    "America/New_York",
    "Europe/Berlin",
    "Australia/Lord_Howe",  # 30-minute DST
    "Pacific/Chatham",  # changes at 02:45 standard time
    "America/Sao_Paulo",  # midnight changes until 2019
    "Asia/Kolkata",  # no DST, half-hour offset
    "Australia/Sydney",
    "Europe/London",
    "America/Havana",  # midnight changes
    "America/Santiago",  # changes at 24:00
    "America/St_Johns",  # half-hour offset with DST
]
QUERIES_PER_EXPRESSION = 8
SAMPLE_SIZE = 600
COUNT = 12
FIRST_YEAR, LAST_YEAR = 2016, 2032

MACROS = {
    "@hourly": "0 * * * *", "@daily": "0 0 * * *", "@midnight": "0 0 * * *", "@weekly": "0 0 * * 0",
    "@monthly": "0 0 1 * *", "@yearly": "0 0 1 1 *", "@annually": "0 0 1 1 *",
}
MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
WEEKDAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]
FIELDS = [  # name, low, high, names, favoured values (DST hours, month ends, DST months)
    ("minute", 0, 59, None, [0, 15, 30, 45, 59, 1]),
    ("hour", 0, 23, None, [0, 1, 2, 3, 23]),
    ("day-of-month", 1, 31, None, [1, 7, 8, 15, 28, 29, 30, 31]),
    ("month", 1, 12, MONTHS, [2, 3, 4, 9, 10, 11]),
    ("day-of-week", 0, 7, WEEKDAYS, [0, 6, 7]),
]


# --- pinned deviations of cronsim from Debian cron -----------------------------------------
# Each entry: name, what cronsim says, what taskgate says, why, and a test on one answer pair.
def _ours_error(ours, fragment):
    return ours.startswith("ERROR") and fragment in ours


PINNED = [
    {
        "name": "single-value-step",
        "oracle": "accepts `a/n` as `a-<last>/n`",
        "taskgate": "rejects",
        "why": "Debian cron's entry.c rejects a step after a single value ('Unsupported syntax: Step "
        "specified without range'); cronsim follows other crons here",
        "test": lambda query, ours, oracle: _ours_error(ours, "step after a single value") and not oracle.startswith("ERROR"),
    },
    {
        "name": "cronsim-extension",
        "oracle": "accepts L, LW, nL, n#k",
        "taskgate": "rejects, naming the extension",
        "why": "these are cronsim/Quartz extensions; Debian cron rejects L and silently reads `MON#2` as `MON`",
        "test": lambda query, ours, oracle: _ours_error(ours, "extension, not Debian cron syntax")
        and not oracle.startswith("ERROR"),
    },
    {
        "name": "six-fields",
        "oracle": "reads six fields as seconds-first",
        "taskgate": "rejects",
        "why": "a Debian crontab line has five time fields; a sixth is the command",
        "test": lambda query, ours, oracle: _ours_error(ours, "Debian cron has five time fields")
        and not oracle.startswith("ERROR"),
    },
    {
        "name": "reboot",
        "oracle": "rejects @reboot (cronsim has no macros)",
        "taskgate": "accepts it as the event 'reboot', which has no instants",
        "why": "Debian cron runs @reboot jobs at daemon start, never at a time",
        "test": lambda query, ours, oracle: query.startswith("@reboot\t") and ours == "" and oracle.startswith("ERROR"),
    },
    {
        "name": "impossible-day",
        "oracle": "rejects a day-of-month AND no month has ('Bad day-of-month', e.g. `0 0 30 2 *`)",
        "taskgate": "accepts; the line never fires (empty answer)",
        "why": "Debian cron accepts the line and never runs it",
        "test": lambda query, ours, oracle: ours == "" and oracle.startswith("ERROR Bad day-of-month"),
    },
    {
        "name": "degenerate-range-step",
        "oracle": "reads `a-a/n` as `a-<last>/n` (its parser treats any one-value base as a start)",
        "taskgate": "reads `a-a/n` as `a`, as the Debian simulation does",
        "why": "Debian cron's get_range steps from a to a: one value",
        "test": lambda query, ours, oracle: has_degenerate_range(query.split("\t")[0])
        and simulate_debian(query, ours, oracle) == ours,
    },
    {
        "name": "cronsim-dst-step",
        "oracle": "skips or adds wall-clock times next to a DST change (30-minute gaps of Australia/Lord_Howe, "
        "changes at 02:45 in Pacific/Chatham, midnight gaps in America/Sao_Paulo, Havana, Santiago)",
        "taskgate": "agrees with the minute-by-minute simulation of Debian cron's cron.c",
        "why": "cronsim jumps hours and minutes on the UTC time line and resets minutes with replace(), which lands "
        "on non-existent local times (an imaginary midnight is returned as a run) or jumps over whole half hours",
        "test": lambda query, ours, oracle: simulate_debian(query, ours, oracle) == ours,
    },
    {
        "name": "cronsim-stalls",
        "oracle": "needs more than 100,000 clock steps for one query (the driver stops it)",
        "taskgate": "agrees with the minute-by-minute simulation of Debian cron on every instant it gives",
        "why": "cronsim 2.8's advance_hour resets the minute inside Pacific/Chatham's repeated 02:45-03:45 and "
        "walks through it again and again (some queries never end)",
        "test": lambda query, ours, oracle: oracle.startswith("ERROR cronsim stalled")
        and simulate_debian(query, ours, "") == ours,
    },
]


# --- an independent Debian referee for disagreements -----------------------------------------
# A minute-by-minute simulation of Debian cron: entry.c's field grammar (no validation: only
# lines both sides accept get here) and cron.c's main loop. Each real minute the daemon reads the
# wall clock; if it moved forward by one minute it runs every job matching it; if it jumped
# forward (a DST gap) it runs the fixed-time jobs of every skipped minute and then the current
# minute's jobs; if it went back (a DST overlap) it runs only wildcard jobs until the clock has
# caught up. Used only to decide whether a disagreement is cronsim's.
def debian_values(text, low, high, names):
    values = set()
    for term in text.split(","):
        base, _, step = term.partition("/")
        step = int(step) if step else 1
        if base == "*":
            first, last = low, high
        else:
            first_text, _, last_text = base.partition("-")
            first = debian_number(first_text, low, names)
            last = debian_number(last_text, low, names) if last_text else first
        values.update(range(first, last + 1, step))
    return values


def debian_number(text, low, names):
    if text.isdigit():
        return int(text)
    return names.index(text.upper()[:3]) + low


def has_degenerate_range(text):
    for field_text, (_, low, _, names, _) in zip(text.split(), FIELDS):
        for term in field_text.split(","):
            base, slash, _ = term.partition("/")
            first, dash, last = base.partition("-")
            if slash and dash and debian_number(first, low, names) == debian_number(last, low, names):
                return True
    return False


def simulate_debian(query, ours, oracle):
    """Whether the simulation sides with taskgate on every instant the two answers dispute.

    Returns `ours` when it does (so that the pin tests read `simulate_debian(...) == ours`),
    otherwise None. Each disputed instant d is simulated from three hours before it (longer than
    any overlap, so the daemon's catch-up state is right by d) up to d.
    """
    if ours.startswith("ERROR") or oracle.startswith("ERROR") or not ours:
        return None
    text, zone_name, start_text, after_text, count_text = query.split("\t")
    fields = MACROS.get(text.strip(), text).split()
    minutes, hours, days, months, weekdays = (
        debian_values(field_text, low, high, names) for field_text, (_, low, high, names, _) in zip(fields, FIELDS))
    weekdays = {value % 7 for value in weekdays}
    wildcard = fields[0].startswith("*") or fields[1].startswith("*")
    both = fields[2].startswith("*") or fields[4].startswith("*")

    def matches(local):
        day = local.day in days
        weekday = (local.isoweekday() % 7) in weekdays
        return (local.minute in minutes and local.hour in hours and local.month in months
                and ((day and weekday) if both else (day or weekday)))

    zone = ZoneInfo(zone_name)
    start = None if start_text == "-" else datetime.strptime(start_text, "%Y-%m-%dT%H:%M:%S")
    mine, theirs = set(ours.split()), set(oracle.split())
    # Past the last instant of a full answer, that side simply stopped counting.
    horizon = min([max(side) for side in (mine, theirs) if len(side) >= int(count_text)], default="9999")
    for disputed in sorted(mine ^ theirs):
        if disputed > horizon:
            continue
        target = datetime.strptime(disputed, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
        if target.second != 0:
            return None
        moment = target - timedelta(hours=3)
        clock = moment.astimezone(zone).replace(tzinfo=None) - timedelta(minutes=1)
        fired = False
        while moment <= target:
            local = moment.astimezone(zone).replace(tzinfo=None)
            selected = []
            if local > clock + timedelta(minutes=1):
                skipped = clock + timedelta(minutes=1)
                while skipped < local:
                    if not wildcard and matches(skipped):
                        selected.append(skipped)
                    skipped += timedelta(minutes=1)
            if matches(local) and (wildcard or local > clock):
                selected.append(local)
            clock = max(clock, local)
            fired = moment == target and any(start is None or item >= start for item in selected)
            moment += timedelta(minutes=1)
        if fired != (disputed in mine):
            return None
    return ours


# --- corpus ---------------------------------------------------------------------------------
def value_text(rng, low, high, names, favoured, upper=None):
    value = rng.choice(favoured) if rng.random() < 0.4 else rng.randint(low, upper if upper is not None else high)
    if names and rng.random() < 0.35:
        name = names[value - low] if value - low < len(names) else names[0]
        return rng.choice([name, name.lower(), name.capitalize()]), value
    return str(value), value


def valid_term(rng, low, high, names, favoured):
    kind = rng.random()
    if kind < 0.45:
        return value_text(rng, low, high, names, favoured)[0]
    if kind < 0.7:
        first_text, first = value_text(rng, low, high, names, favoured)
        last = rng.randint(first, min(high, first + rng.choice([1, 2, 4, 10, 30])))
        last_text = str(last)
        if names and rng.random() < 0.3 and last - low < len(names):
            last_text = names[last - low]
        return "%s-%s" % (first_text, last_text)
    if kind < 0.85:
        first = rng.randint(low, high)
        last = rng.randint(first, high) if rng.random() < 0.97 else first
        return "%d-%d/%d" % (first, last, rng.randint(1, max(1, (high - low) // 2 + 2)))
    return "*/%d" % rng.choice([1, 2, 3, 5, 7, 10, 15, 20, 30, 45, 60, 100])


def valid_field(rng, index):
    name, low, high, names, favoured = FIELDS[index]
    roll = rng.random()
    star_weight = [0.25, 0.35, 0.5, 0.7, 0.5][index]
    if roll < star_weight:
        return "*"
    if roll < star_weight + 0.08:
        return "*/%d" % rng.choice([2, 3, 4, 5, 6, 7, 10, 15, 24, 30, 60]) + (
            ",%d" % rng.randint(low, high) if rng.random() < 0.3 else "")
    terms = [valid_term(rng, low, high, names, favoured) for _ in range(rng.choice([1, 1, 1, 2, 2, 3, 4]))]
    return ",".join(terms)


INVALID = [
    lambda rng, fields: replace(rng, fields, 0, str(rng.choice([60, 61, 99, 100]))),
    lambda rng, fields: replace(rng, fields, 1, str(rng.choice([24, 25]))),
    lambda rng, fields: replace(rng, fields, 2, rng.choice(["0", "32", "L", "LW", "15W", "L-3", "?"])),
    lambda rng, fields: replace(rng, fields, 3, rng.choice(["0", "13", "JANUARY", "FOO", "1-13"])),
    lambda rng, fields: replace(rng, fields, 4, rng.choice(["8", "5L", "MON#2", "1#3", "FRIL", "?", "MONDAY", "L"])),
    lambda rng, fields: replace(rng, fields, rng.randint(0, 4), rng.choice(["5-2", "SAT-SUN", "10-1/2", "DEC-JAN"])),
    lambda rng, fields: replace(rng, fields, rng.randint(0, 1), "%d/%d" % (rng.randint(0, 20), rng.randint(1, 20))),
    lambda rng, fields: replace(rng, fields, rng.randint(0, 4), rng.choice(["*/0", "1,,2", "1,", ",1", "*-5", "1-", "-1", "**", "1-2-3", "5!", "x"])),
    lambda rng, fields: " ".join(fields[: rng.choice([1, 2, 3, 4])]),
    lambda rng, fields: " ".join(fields + ["*"] * rng.choice([1, 2])),
    lambda rng, fields: rng.choice(["@daly", "@DAILY", "@every 5m", "", "   "]),
]


def replace(rng, fields, index, text):
    copy = list(fields)
    copy[index] = text
    return " ".join(copy)


def expression(rng):
    roll = rng.random()
    if roll < 0.04:
        return rng.choice(["@hourly", "@daily", "@midnight", "@weekly", "@monthly", "@yearly", "@annually", "@reboot"])
    fields = [valid_field(rng, index) for index in range(5)]
    if roll < 0.16:
        return rng.choice(INVALID)(rng, fields)
    separator = rng.choice([" ", " ", " ", "  "])
    text = separator.join(fields)
    return text if rng.random() < 0.95 else "  " + text + " "


def transitions(zone_name):
    """The instants at which the zone's UTC offset changes in FIRST_YEAR..LAST_YEAR."""
    zone = ZoneInfo(zone_name)
    result = []
    moment = datetime(FIRST_YEAR, 1, 1, tzinfo=timezone.utc)
    end = datetime(LAST_YEAR + 1, 1, 1, tzinfo=timezone.utc)
    offset = moment.astimezone(zone).utcoffset()
    step = timedelta(days=1)
    while moment < end:
        following = moment + step
        next_offset = following.astimezone(zone).utcoffset()
        if next_offset != offset:
            low, high = moment, following
            while high - low > timedelta(seconds=1):
                middle = low + (high - low) / 2
                if middle.astimezone(zone).utcoffset() == offset:
                    low = middle
                else:
                    high = middle
            result.append(high.replace(microsecond=0))
            offset = next_offset
        moment = following
    return result


def after_instant(rng, zone_transitions):
    roll = rng.random()
    if zone_transitions and roll < 0.55:
        base = rng.choice(zone_transitions)
        seconds = rng.randint(0, 3 * 3600)
        if rng.random() < 0.7:
            seconds -= seconds % 60
        return base - timedelta(seconds=seconds) + timedelta(seconds=rng.choice([0, 0, 0, -1, 1800]))
    if zone_transitions and roll < 0.85:
        base = rng.choice(zone_transitions)
        return base - timedelta(seconds=rng.randint(0, 40 * 86_400))
    start = datetime(FIRST_YEAR, 1, 1, tzinfo=timezone.utc).timestamp()
    end = datetime(LAST_YEAR, 12, 1, tzinfo=timezone.utc).timestamp()
    return datetime.fromtimestamp(rng.randint(int(start), int(end)), tz=timezone.utc)


def is_regular(local, zone):
    """Whether a naive local time exists exactly once in the zone."""
    first = local.replace(tzinfo=zone, fold=0)
    second = local.replace(tzinfo=zone, fold=1)
    if first.utcoffset() != second.utcoffset():
        return False
    return first.astimezone(timezone.utc).astimezone(zone).replace(tzinfo=None) == local


def start_text(rng, after, zone_name):
    if rng.random() < 0.85:
        return "-"
    zone = ZoneInfo(zone_name)
    local = (after - timedelta(seconds=rng.randint(-2 * 86_400, 5 * 86_400))).astimezone(zone).replace(tzinfo=None)
    local = local.replace(second=0) if rng.random() < 0.7 else local
    return local.strftime("%Y-%m-%dT%H:%M:%S") if is_regular(local, zone) else "-"


# Named lines always in the corpus: the DST cases of the brief and one of every pinned kind.
FIXED = [
    "30 2 * * *", "0 2 * * *", "59 1 * * *", "30 1 * * *", "15,45 2 * * *", "0 0 * * *", "0 3 * * *",
    "45 2 * * *", "* 2 * * *", "*/15 * * * *", "*/30 1 * * *", "0 * * * *", "30 * * * *", "*/7 1-3 * * *",
    "0 0 1-7 * */7", "0 10 1-7 * SUN", "0 0 13 * FRI", "0 0 */2 * 1", "0 0 29 2 *", "0 0 31 * *",
    "0 0 30 2 *", "0 0 31 4,6,9,11 *", "5/15 * * * *", "0 0 L * *", "0 0 * * 5L", "0 0 * * MON#2",
    "0 0 0 * * *", "@reboot", "@hourly", "@daily", "@weekly", "@monthly", "@yearly", "0 0 * * 2-2/4",
]


def corpus(seed, size):
    rng = random.Random(seed)
    zone_transitions = {zone: transitions(zone) for zone in ZONES}
    expressions = FIXED + [expression(rng) for _ in range(max(0, size - len(FIXED)))]
    queries = []
    for index, text in enumerate(expressions):
        for query in range(QUERIES_PER_EXPRESSION):
            zone = ZONES[(index + query) % len(ZONES)] if query < 4 else rng.choice(ZONES)
            after = after_instant(rng, zone_transitions[zone])
            queries.append((index, "\t".join([
                text, zone, start_text(rng, after, zone), after.strftime("%Y-%m-%dT%H:%M:%SZ"), str(COUNT)])))
    return expressions, queries


# --- running --------------------------------------------------------------------------------
def run(command, lines):
    completed = subprocess.run(command, input="\n".join(lines) + "\n", capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        sys.exit("%s failed (%d): %s" % (command[0], completed.returncode, completed.stderr[-2000:]))
    answers = completed.stdout.split("\n")[: len(lines)]
    if len(answers) != len(lines):
        sys.exit("%s answered %d lines for %d queries" % (command[0], len(answers), len(lines)))
    return answers


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--taskgate", required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--size", type=int, default=5000)
    parser.add_argument("--show", type=int, default=10, help="disagreements printed in full")
    parser.add_argument("--write-sample", help="write the expressions both sides accept to this file")
    arguments = parser.parse_args()

    expressions, queries = corpus(arguments.seed, arguments.size)
    lines = [line for _, line in queries]
    ours = run([arguments.taskgate, "schedule", "next", "--dialect", "cron", "--batch"], lines)
    oracle = run([sys.executable, ORACLE], lines)

    agreements = disagreements = rejected_by_both = 0
    pinned_counts = {entry["name"]: 0 for entry in PINNED}
    shown = []
    accepted = set()
    for (index, line), mine, theirs in zip(queries, ours, oracle):
        if mine.startswith("ERROR") and theirs.startswith("ERROR"):
            rejected_by_both += 1
            agreements += 1
            continue
        if mine == theirs:
            agreements += 1
            accepted.add(expressions[index])
            continue
        pin = next((entry for entry in PINNED if entry["test"](line, mine, theirs)), None)
        if pin:
            pinned_counts[pin["name"]] += 1
            continue
        disagreements += 1
        if len(shown) < arguments.show:
            shown.append((line, mine, theirs))

    total = len(queries)
    pinned_total = sum(pinned_counts.values())
    rate = 100.0 * agreements / max(1, total - pinned_total)
    print("cron: %d expressions, %d queries, agreement %.2f%%, %d disagreements, %d rejected by both, %d pinned (%s)" % (
        len(expressions), total, rate, disagreements, rejected_by_both, pinned_total,
        ", ".join("%s %d" % item for item in pinned_counts.items())))
    for line, mine, theirs in shown:
        print("\nquery:    %s\ntaskgate: %s\ncronsim:  %s" % (line.replace("\t", " | "), mine, theirs))
    if arguments.write_sample:
        sample = sorted(text for text in accepted if text.strip() and not text.startswith("@reboot"))
        sample = sample[:: max(1, len(sample) // SAMPLE_SIZE)]
        with open(arguments.write_sample, "w") as handle:
            handle.write("".join(text + "\n" for text in sample))
    sys.exit(1 if disagreements else 0)


if __name__ == "__main__":
    main()
