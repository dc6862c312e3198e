#!/usr/bin/env python3
"""Differential test of taskgate's `iso8601` dialect against java.time (OpenJDK 17).

Usage:
    python3 scripts/differential/iso8601.py --taskgate PATH/TO/taskgate [--seed N] [--size N]
        [--write-sample PATH]

Generates a corpus of ISO 8601 repeating intervals and Serverless Workflow schedule objects from a
fixed seed (valid ones of every form, and invalid ones), in 14 zones, with AFTER values placed just
before DST transitions, near the interval's anchor and at random. taskgate answers through
`taskgate schedule next --dialect iso8601 --batch`; the oracle is scripts/oracles/iso8601/
IsoIntervalOracle.java, compiled here into a temporary folder with `javac` and run with `java`.
The two must print the same instants, or both reject the text.

A schedule object reaches the oracle already taken apart (interval, timezone, startDateTime,
endDateTime as the TEXT, ZONE, START and END columns); objects built invalid on purpose (two of
interval/cron/recurrence, unknown keys, broken JSON) must be rejected by taskgate. Objects with
`cron` or `recurrence` are left out: their meaning belongs to the cron and RRULE dialects.

Prints one summary line, then the first disagreements in full; exits 1 on any disagreement.
`--write-sample PATH` also writes a sample of the valid bare lines (TEXT, ZONE, START) for the
round-trip test Tests/TaskgateCoreTests/ISO8601Interval/ISO8601IntervalRoundTripTests.swift.
"""

import argparse
import datetime
import json
import pathlib
import random
import shutil
import subprocess
import sys
import tempfile
import zoneinfo

REPOSITORY = pathlib.Path(__file__).resolve().parents[2]
ORACLE_SOURCE = REPOSITORY / "scripts" / "oracles" / "iso8601" / "IsoIntervalOracle.java"

ZONES = [
    "UTC", "America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "Pacific/Chatham", "America/Sao_Paulo",
    "Asia/Kolkata", "Australia/Sydney", "Europe/London", "America/St_Johns", "Europe/Dublin", "Antarctica/Troll",
    "America/Santiago", "Africa/Casablanca",
]

# Cases where the oracle and taskgate are known to differ, each with the reason. Counted apart.
# Key: (TEXT, ZONE, START, AFTER). None so far: the list stays to show where such a case would go.
PINNED = {}

# Zones whose tz data differs between the oracle and taskgate, so that a disagreement there is a data
# version, not a semantic difference. Morocco's future offsets are predictions (around Ramadan) that
# every tzdata release revises: OpenJDK 17.0.21's tzdb (2026f) and the data taskgate reads (Foundation
# and ICU, like Debian's tzdata 2025b) put 2027-03-24 at +00 and +01. Disagreements in these zones are
# counted as pinned; their other answers still count as agreement.
TZDATA_VERSION_ZONES = {"Africa/Casablanca"}

UTC = datetime.timezone.utc
QUERIES_PER_EXPRESSION = 8
COUNT = 6


def transitions(zone_name, first_year=2015, last_year=2030):
    """Instants (UTC, aware) at which the zone's UTC offset changes, found day by day then bisected."""
    zone = zoneinfo.ZoneInfo(zone_name)
    result = []
    moment = datetime.datetime(first_year, 1, 1, tzinfo=UTC)
    end = datetime.datetime(last_year, 12, 31, tzinfo=UTC)
    offset = moment.astimezone(zone).utcoffset()
    step = datetime.timedelta(days=1)
    while moment < end:
        following = moment + step
        following_offset = following.astimezone(zone).utcoffset()
        if following_offset != offset:
            low, high = moment, following
            while (high - low).total_seconds() > 1:
                middle = low + (high - low) / 2
                middle = middle.replace(microsecond=0)
                if middle.astimezone(zone).utcoffset() == offset:
                    low = middle
                else:
                    high = middle
            result.append(high)
            offset = following_offset
        moment = following
    return result


def rfc3339(moment):
    moment = moment.astimezone(UTC)
    if not 1900 <= moment.year <= 9000:
        moment = datetime.datetime(1900 if moment.year < 1900 else 9000, 1, 1, tzinfo=UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def local_text(moment, zone_name, minutes=False):
    local = moment.astimezone(zoneinfo.ZoneInfo(zone_name)).replace(tzinfo=None)
    return local.strftime("%Y-%m-%dT%H:%M" if minutes else "%Y-%m-%dT%H:%M:%S")


def offset_text(seconds, style):
    if seconds == 0 and style == 0:
        return "Z"
    sign = "-" if seconds < 0 else "+"
    seconds = abs(seconds)
    hours, minutes = seconds // 3600, seconds % 3600 // 60
    if style == 1 or minutes:
        return f"{sign}{hours:02d}:{minutes:02d}"
    return f"{sign}{hours:02d}"


class Generator:
    def __init__(self, seed):
        self.random = random.Random(seed)
        self.transitions = {zone: transitions(zone) for zone in ZONES}

    def moment_near(self, zone):
        """A UTC instant near a DST transition of the zone (or anywhere in 2018-2028)."""
        r = self.random
        points = self.transitions[zone]
        if points and r.random() < 0.8:
            base = r.choice(points)
            delta = r.choice([0, 0, r.randint(-7200, 7200), r.randint(-3 * 86400, 3 * 86400), r.randint(-40 * 86400, 0)])
            return base + datetime.timedelta(seconds=delta)
        start = datetime.datetime(2018, 1, 1, tzinfo=UTC)
        return start + datetime.timedelta(seconds=r.randint(0, 11 * 365 * 86400))

    def date_time(self, zone, moment=None):
        """A date-time text for an instant: local in the zone, Z, or an offset."""
        r = self.random
        moment = moment or self.moment_near(zone)
        if r.random() < 0.15:
            # Month ends and leap days, for the clamping rules.
            year = r.randint(2019, 2028)
            month = r.randint(1, 12)
            day = r.choice([28, 29, 30, 31])
            while True:
                try:
                    value = datetime.datetime(year, month, day, r.randint(0, 23), r.choice([0, 30]))
                    break
                except ValueError:
                    day -= 1
            text = value.strftime("%Y-%m-%dT%H:%M:%S")
            return text + r.choice(["", "", "Z", "+01:00", "-05:00"])
        minutes = r.random() < 0.05
        kind = r.random()
        if kind < 0.55:
            return local_text(moment, zone, minutes)
        if kind < 0.8:
            return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S") + "Z"
        actual = int(moment.astimezone(zoneinfo.ZoneInfo(zone)).utcoffset().total_seconds())
        shift = actual if r.random() < 0.7 else r.choice([-18000, 3600, 19800, -12600, 0])
        local = (moment.astimezone(UTC) + datetime.timedelta(seconds=shift)).replace(tzinfo=None)
        fraction = r.choice(["", "", "", ".000", ",0"])
        return local.strftime("%Y-%m-%dT%H:%M:%S") + fraction + offset_text(shift, r.randint(0, 2))

    def duration(self, kind=None):
        r = self.random
        elapsed = ["PT1H", "PT2H", "PT30M", "PT90M", "PT1.5H", "PT45S", "PT7M", "PT5H", "PT25H", "PT0.25M", "PT1H30M",
                   "PT3H", "PT10M", "PT12H", "PT23H", "PT1H0M1S", "PT0,5H"]
        days = ["P1D", "P2D", "P1W", "P1W2D", "P7D", "P3D", "P14D"]
        months = ["P1M", "P2M", "P3M", "P1Y", "P6M", "P1Y2M", "P12M", "P5Y"]
        mixed = ["P1DT12H", "P1MT1H", "P1M1D", "P1DT1H", "P1YT1S", "P1WT2H"]
        palettes = {"elapsed": elapsed, "days": days, "months": months, "mixed": mixed}
        if kind is None:
            kind = r.choice(["elapsed", "elapsed", "days", "months", "mixed"])
        if r.random() < 0.1:
            # A random composition in designator order.
            parts = "P"
            for designator, top in (("Y", 2), ("M", 14), ("W", 3), ("D", 40)):
                if r.random() < 0.25:
                    parts += f"{r.randint(0, top)}{designator}"
            time = ""
            for designator, top in (("H", 50), ("M", 130), ("S", 200)):
                if r.random() < 0.3:
                    time += f"{r.randint(0, top)}{designator}"
            text = parts + ("T" + time if time else "")
            return text if text != "P" else "PT1H"
        return r.choice(palettes[kind])

    def repetitions(self):
        r = self.random
        return r.choice(["R", "R", "R", "R-1", "R0", "R1", "R2", "R5", "R10", f"R{r.randint(3, 500)}", f"R{r.randint(500, 100000)}"])

    def valid(self):
        """(text, zone, start) of a valid-looking bare interval (it may still be refused)."""
        r = self.random
        zone = r.choice(ZONES)
        form = r.random()
        repetitions = self.repetitions()
        start = "-"
        if form < 0.5:
            text = f"{repetitions}/{self.date_time(zone)}/{self.duration()}"
        elif form < 0.72:
            kind = r.choice(["elapsed", "elapsed", "days", "months", "mixed"])
            text = f"{repetitions}/{self.duration(kind)}/{self.date_time(zone)}"
        elif form < 0.85:
            first = self.moment_near(zone)
            second = first + datetime.timedelta(seconds=r.choice([3600, 5400, 86400, 7 * 86400, r.randint(1, 40 * 86400), -60]))
            text = f"{repetitions}/{self.date_time(zone, first)}/{self.date_time(zone, second)}"
        else:
            text = f"{repetitions}/{self.duration()}"
        if form >= 0.85 or r.random() < 0.2:
            start = local_text(self.moment_near(zone), zone)
        return text, zone, start

    def invalid(self):
        """(text, zone, start) of a text that is probably not valid: mutated or from a list."""
        r = self.random
        curated = [
            "R/2020-03-20T13:00:00Z/PT0S", "R/2020-03-20T13:00:00Z/P", "R/2020-03-20T13:00:00Z/PT",
            "R/2020-03-20T13:00:00Z/-P1D", "R/2020-03-20T13:00:00Z", "R/PT1H/PT2H", "2020-03-20T13:00:00Z/PT1H",
            "R/2020-13-20T13:00:00Z/PT1H", "R/2021-02-29T13:00:00Z/PT1H", "R/2020-03-20T24:00:00Z/PT1H",
            "R/2020-03-20T13:00:00.5Z/PT1H", "R/2020-03-20T13:00:00+19:00/PT1H", "R/2020-03-20t13:00:00z/PT1H",
            "R/2020-03-20T13:00:00Z/pt1h", "R/2020-03-20T13:00:00Z/P1.5D", "R/2020-03-20T13:00:00Z/PT1.5S",
            "R/2020-03-20T13:00:00Z/PT0.001H", "R/2020-03-20T13:00:00Z/PT1H2H", "R/2020-03-20T13:00:00Z/PT1M1H",
            "R/2020-03-20T13:00:00Z/P1.5Y", "R/2020-03-20T13:00:00Z/P10000Y", "R99999999999/2020-03-20T13:00:00Z/PT1H",
            "R-2/2020-03-20T13:00:00Z/PT1H", "Rx/2020-03-20T13:00:00Z/PT1H", "R//PT1H", "R/2020-03-20T13:00:00Z/PT1H/",
            "R/P1DT1H/2020-03-20T13:00:00Z", "R/P1M1D/2020-03-20T13:00:00Z", "R3/P1M/2025-05-31T00:00:00Z",
            "R/2020-03-20T13:00:00Z/2020-03-20T12:00:00Z", "R/2020-03-20/PT1H", "R/20200320T130000Z/PT1H",
            "R/0000-03-20T13:00:00Z/PT1H", "R/P0001-02-03T04:05:06/2020-03-20T13:00:00Z", "R/PT1H", "R",
            "R5/PT1H/0001-01-01T05:00:00Z", "R/2020-03-20T13:00:00Z/P1W1W", "R/2020-03-20T13:00:00Z/PT99999999999H",
            "R/9999-12-31T23:00:00-05:00/PT1H", "R/0001-01-01T00:00:00+05:00/PT1H", "",
        ]
        if r.random() < 0.4:
            return r.choice(curated), r.choice(ZONES), "-"
        text, zone, start = self.valid()
        characters = list(text)
        alphabet = "RPTYMWDHS0123456789-:/.,Z+ tTp"
        for _ in range(r.randint(1, 3)):
            operation = r.random()
            position = r.randint(0, max(len(characters) - 1, 0))
            if operation < 0.35 and characters:
                del characters[position]
            elif operation < 0.7:
                characters.insert(position, r.choice(alphabet))
            elif characters:
                characters[position] = r.choice(alphabet)
        return "".join(characters).replace("\t", " "), zone, start

    def object(self):
        """(taskgate text, oracle fields or None for an expected rejection)."""
        r = self.random
        if r.random() < 0.2:
            broken = [
                '{"interval": "R/PT1H", "cron": "0 * * * *"}',
                '{"interval": "R/2020-01-01T00:00:00Z/PT1H", "recurrence": "RRULE:FREQ=DAILY"}',
                '{"interval": "R/2020-01-01T00:00:00Z/PT1H", "every": "PT1H"}',
                '{"interval": "R/2020-01-01T00:00:00Z/PT1H", "interval": "R/PT2H"}',
                '{"interval": R/PT1H}', '{"interval": "R/2020-01-01T00:00:00Z/PT1H"', '{}',
                '{"timezone": "Europe/Berlin"}', '{"interval": 5}', '{"interval": "R/2020-01-01T00:00:00Z/PT1H"} x',
                '{"interval": "R/2020-01-01T00:00:00Z/PT1H", "timezone": "Mars/Olympus"}',
                '{"interval": "R/PT1H", "startDateTime": "2025-01-01T00:00:00", "endDateTime": "2024-01-01T00:00:00"}',
                '{"interval": "R/2020-01-01T00:00:00Z/PT1H", "timezone": ["UTC"]}',
            ]
            return r.choice(broken), None
        text, zone, _ = self.valid()
        members = [("interval", text)]
        start = end = "-"
        if r.random() < 0.7:
            members.append(("timezone", zone))
        else:
            zone = "UTC"
        if r.random() < 0.6:
            start = self.date_time(zone)
            members.append(("startDateTime", start))
        if r.random() < 0.4:
            end = self.date_time(zone, self.moment_near(zone) + datetime.timedelta(days=r.randint(0, 400)))
            members.append(("endDateTime", end))
        r.shuffle(members)
        present = {key for key, _ in members}
        absent = [key for key in ("startDateTime", "endDateTime", "timezone") if key not in present]
        if absent and r.random() < 0.1:
            members.append((r.choice(absent), None))
        separator = r.choice([", ", ",", " , "])
        body = separator.join(f"{json.dumps(key)}: {json.dumps(value)}" for key, value in members)
        return "{" + body + "}", (text, zone, start, end)

    def afters(self, zone, text):
        """AFTER instants: before transitions, near the text's first date-time, and at random."""
        r = self.random
        result = []
        points = self.transitions[zone]
        for _ in range(QUERIES_PER_EXPRESSION):
            choice = r.random()
            if points and choice < 0.45:
                base = r.choice(points)
                moment = base - datetime.timedelta(seconds=r.choice([1, 60, 1800, 3600, 5400, 7200, 86400, 3 * 86400]))
            elif choice < 0.75:
                anchor = None
                for part in text.split("/"):
                    if part[:4].isdigit():
                        try:
                            anchor = datetime.datetime.fromisoformat(part[:19]).replace(tzinfo=UTC)
                        except ValueError:
                            anchor = None
                        break
                if anchor is None:
                    anchor = self.moment_near(zone)
                try:
                    moment = anchor + datetime.timedelta(seconds=r.randint(-3 * 86400, 400 * 86400))
                except OverflowError:
                    moment = anchor
            elif choice < 0.85:
                moment = datetime.datetime(r.choice([1990, 2035, 2100, 2500]), 1, 1, tzinfo=UTC)
            else:
                moment = self.moment_near(zone)
            result.append(rfc3339(moment))
        return result


def compile_oracle(folder):
    javac = shutil.which("javac")
    if javac is None:
        sys.exit("javac not found; install default-jdk-headless")
    subprocess.run([javac, "-d", str(folder), str(ORACLE_SOURCE)], check=True)


def run(command, lines):
    completed = subprocess.run(command, input="\n".join(lines) + "\n", capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        sys.exit(f"{command[0]} failed ({completed.returncode}): {completed.stderr.strip()[:2000]}")
    output = completed.stdout.split("\n")
    if output and output[-1] == "":
        output.pop()
    if len(output) != len(lines):
        sys.exit(f"{command[0]} answered {len(output)} lines for {len(lines)}")
    return output


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--taskgate", required=True, help="path to the taskgate executable (release build)")
    parser.add_argument("--seed", type=int, default=8601)
    parser.add_argument("--size", type=int, default=6000, help="number of expressions")
    parser.add_argument("--write-sample", type=pathlib.Path, help="write valid bare lines for the round-trip test")
    parser.add_argument("--show", type=int, default=10, help="how many disagreements to print in full")
    arguments = parser.parse_args()

    generator = Generator(arguments.seed)
    # Each case: (taskgate TEXT, ZONE, START) and oracle (TEXT, ZONE, START, END) or None = must reject.
    cases = []
    for _ in range(arguments.size):
        kind = generator.random.random()
        if kind < 0.62:
            text, zone, start = generator.valid()
            cases.append(((text, zone, start), (text, zone, start, "-")))
        elif kind < 0.85:
            text, zone, start = generator.invalid()
            cases.append(((text, zone, start), (text, zone, start, "-")))
        else:
            text, oracle = generator.object()
            cases.append(((text, "UTC", "-"), oracle))

    taskgate_lines, oracle_lines, rows = [], [], []
    for index, (ours, theirs) in enumerate(cases):
        zone = theirs[1] if theirs else ours[1]
        oracle_text = theirs[0] if theirs else ours[0]
        for after in generator.afters(zone, oracle_text):
            taskgate_lines.append("\t".join([ours[0], ours[1], ours[2], after, str(COUNT)]))
            if theirs is not None:
                oracle_lines.append("\t".join([theirs[0], theirs[1], theirs[2], theirs[3], after, str(COUNT)]))
            rows.append((index, after, theirs is not None, len(oracle_lines) - 1))

    with tempfile.TemporaryDirectory() as folder:
        compile_oracle(folder)
        oracle_output = run(["java", "-Xss4m", "-cp", folder, "IsoIntervalOracle"], oracle_lines)
    taskgate_output = run([arguments.taskgate, "schedule", "next", "--dialect", "iso8601", "--batch"], taskgate_lines)

    agree = disagree = pinned = rejected_both = 0
    shown = []
    rejected_expressions = set()
    for row, (index, after, has_oracle, oracle_index) in enumerate(rows):
        ours = taskgate_output[row]
        theirs = oracle_output[oracle_index] if has_oracle else "ERROR (built invalid)"
        both_rejected = ours.startswith("ERROR") and theirs.startswith("ERROR")
        key = (cases[index][0][0], cases[index][0][1], cases[index][0][2], after)
        if both_rejected:
            rejected_both += 1
            rejected_expressions.add(index)
            agree += 1
        elif ours == theirs:
            agree += 1
        elif key in PINNED or any(zone == key[1] or zone in key[0] for zone in TZDATA_VERSION_ZONES):
            pinned += 1
        else:
            disagree += 1
            if len(shown) < arguments.show:
                shown.append((taskgate_lines[row], theirs, ours))
    queries = len(rows)
    compared = queries - pinned
    print(
        f"iso8601: {len(cases)} expressions, {queries} queries, agreement {100.0 * agree / max(compared, 1):.2f}%, "
        f"{disagree} disagreements, {len(rejected_expressions)} expressions ({rejected_both} queries) rejected by both, "
        f"{pinned} pinned")
    for line, theirs, ours in shown:
        print(f"\n  input:    {line!r}\n  java:     {theirs}\n  taskgate: {ours}")

    if arguments.write_sample:
        sample = []
        seen = set()
        for index, (ours, theirs) in enumerate(cases):
            if theirs is None or ours[0].startswith("{") or index in rejected_expressions or ours in seen:
                continue
            if any(taskgate_output[row].startswith("ERROR") for row, r in enumerate(rows) if r[0] == index):
                continue
            seen.add(ours)
            sample.append("\t".join(ours))
            if len(sample) >= 600:
                break
        arguments.write_sample.parent.mkdir(parents=True, exist_ok=True)
        arguments.write_sample.write_text(
            "# Valid iso8601 lines from scripts/differential/iso8601.py "
            f"--seed {arguments.seed} --size {arguments.size}: TEXT, ZONE, START\n" + "\n".join(sample) + "\n",
            encoding="utf-8")
        print(f"wrote {len(sample)} lines to {arguments.write_sample}")
    sys.exit(1 if disagree else 0)


if __name__ == "__main__":
    main()
