#!/usr/bin/env python3
"""RRULE oracle: python-dateutil 2.9.0 answering the batch format of `taskgate schedule next --batch`.

Reads TAB-separated lines from standard input -- TEXT, ZONE, START, AFTER, COUNT -- and writes one
line per input line: the next COUNT instants strictly after AFTER (YYYY-MM-DDTHH:MM:SSZ, separated
by single spaces; fewer if the set ends; empty if none), or ERROR and dateutil's message.

TEXT is the RRULE set with its lines separated by " | " (RRULE, EXDATE and DTSTART lines). It is
read with ``dateutil.rrule.rrulestr(..., forceset=True)``; TZID parameters are looked up with
``zoneinfo`` (tzdata of the system), DTSTART is START read as a wall-clock time in ZONE (fold 0, as
taskgate reads it), or -- when START is "-" and the text has no DTSTART line -- AFTER read in
ZONE to the second, which is what taskgate does with no start (its batch mode's "now" is AFTER).

How the instants are found: the set is iterated from DTSTART (DTSTART fixes the phase of INTERVAL
and what COUNT counts, so the iteration cannot start later), every local result is converted to
UTC (a floating result with ZONE, fold 0: a time in a spring-forward gap takes the offset before
the gap, a repeated time its first pass -- RFC 5545 section 3.3.5 with erratum 4271), results at
or before AFTER are dropped, and instants are deduplicated (two local times in a gap can map to
one instant). dateutil's own after() is not used: it compares wall-clock times, which is wrong
when AFTER lies in a repeated hour. Local results come in wall-clock order, which is not instant
order around a transition (a later local time maps at most one offset change -- under four hours
-- earlier), so the iteration goes on until four hours past the COUNT-th instant.

--rfc applies the readings on which taskgate follows RFC 5545 where dateutil 2.9.0 does not, and
--rfc=NAME,... only the named ones (the differential script uses them only to confirm its named,
pinned deviations, one reading at a time):
  * floating-until: a floating UNTIL (or a date UNTIL) is compared on the wall clock in ZONE (dateutil raises
    "RRULE UNTIL values must be specified in UTC when DTSTART is timezone-aware");
  * floating-exdate: a floating EXDATE is a wall-clock time in ZONE (dateutil raises TypeError comparing naive and
    aware datetimes);
  * exdate-instant: an EXDATE instant removes every result at that instant (dateutil compares across zones with
    PEP 495 rules, under which a time in a gap or a repeated hour never equals a UTC time);
  * floating-dtstart: a DTSTART line without Z or TZID is a wall-clock time in ZONE (dateutil
    makes it naive, and then refuses a UTC UNTIL or EXDATE beside it);
  * leap-second: BYSECOND=60 names a leap second, which POSIX time never has: it is dropped (dateutil raises
    "second must be in 0..59");
  * unreachable-by-part: a BYHOUR/BYMINUTE/BYSECOND that the FREQ's INTERVAL never reaches makes the rule empty
    (dateutil raises "Invalid rrule byxxx generates an empty set" or "Invalid combination ...");
  * mixed-byday: BYDAY mixing plain and ordinal weekdays selects their union (dateutil intersects them).
"""
import bisect
import re
import signal
import sys
import time
from datetime import datetime, timedelta, timezone

from dateutil.rrule import rrulestr, rruleset, rrule, weekday as Weekday
from zoneinfo import ZoneInfo

UTC = timezone.utc
# Generous: a CI machine shares its 2 cores, and a query cut short is a disagreement, not an answer.
TIME_LIMIT_SECONDS = 30


class TimeLimit(Exception):
    pass


def on_alarm(signum, frame):
    raise TimeLimit()


def zone_lookup(name):
    return ZoneInfo(name)


def to_utc(value, zone):
    if value.tzinfo is None:
        value = value.replace(tzinfo=zone)
    return value.astimezone(UTC)


def parse_after(text):
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z", text)
    if not match:
        raise ValueError("AFTER %r is not YYYY-MM-DDTHH:MM:SSZ" % text)
    return datetime(*map(int, match.groups()), tzinfo=UTC)


def parse_local(text):
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})", text)
    if not match:
        raise ValueError("START %r is not YYYY-MM-DDTHH:MM:SS" % text)
    return datetime(*map(int, match.groups()))


def basic_value(text, zone):
    """An iCalendar DATE or DATE-TIME: aware in UTC for Z, otherwise naive."""
    text = text.upper()
    if len(text) == 8:
        return datetime(int(text[0:4]), int(text[4:6]), int(text[6:8]))
    value = datetime(int(text[0:4]), int(text[4:6]), int(text[6:8]), int(text[9:11]), int(text[11:13]),
                     int(text[13:15]))
    return value.replace(tzinfo=UTC) if text.endswith("Z") else value


READINGS = ("floating-until", "floating-exdate", "exdate-instant", "floating-dtstart", "leap-second",
            "unreachable-by-part", "mixed-byday")


def rfc_set(lines, dtstart, zone, readings):
    """The set with the chosen --rfc readings applied (see the module documentation); with none,
    it is what rrulestr builds."""
    instant_exclusions = set()
    exdates = []
    rules = []
    for line in lines:
        name, _, value = line.partition(":") if ":" in line else ("RRULE", "", line)
        if name.upper().split(";")[0] == "DTSTART":
            tzid = [p[5:] for p in name.split(";")[1:] if p.upper().startswith("TZID=")]
            dtstart = basic_value(value, zone)
            if tzid:
                dtstart = dtstart.replace(tzinfo=ZoneInfo(tzid[0]))
            elif dtstart.tzinfo is None and "floating-dtstart" in readings:
                dtstart = dtstart.replace(tzinfo=zone)
    for line in lines:
        name, _, value = line.partition(":") if ":" in line else ("RRULE", "", line)
        parameters = name.split(";")
        kind = parameters[0].upper()
        if kind == "EXDATE":
            tzid = [p[5:] for p in parameters[1:] if p.upper().startswith("TZID=")]
            for item in value.split(","):
                parsed = basic_value(item, zone)
                if tzid:
                    parsed = parsed.replace(tzinfo=ZoneInfo(tzid[0]))
                if parsed.tzinfo is None:
                    if "floating-exdate" in readings and dtstart.tzinfo is not None:
                        parsed = parsed.replace(tzinfo=dtstart.tzinfo)
                    exdates.append(parsed)
                elif parsed.tzinfo is not dtstart.tzinfo and "exdate-instant" in readings:
                    instant_exclusions.add(parsed.astimezone(UTC))
                else:
                    exdates.append(parsed)
        elif kind == "RRULE":
            rules.extend(rfc_rules(value, dtstart, zone, readings))
    return rules, instant_exclusions, exdates, dtstart


def rfc_rules(value, dtstart, zone, readings):
    parts = dict(part.split("=", 1) for part in value.upper().split(";"))
    local_until = None
    until = parts.get("UNTIL")
    if until is not None and not until.endswith("Z") and dtstart.tzinfo is not None and "floating-until" in readings:
        local_until = basic_value(parts.pop("UNTIL"), zone).replace(tzinfo=dtstart.tzinfo)
    if "BYSECOND" in parts and "leap-second" in readings:
        seconds = [s for s in parts["BYSECOND"].split(",") if int(s) != 60]
        if not seconds:
            return []
        parts["BYSECOND"] = ",".join(seconds)
    variants = [parts]
    if "BYDAY" in parts and parts.get("FREQ") in ("MONTHLY", "YEARLY") and "mixed-byday" in readings:
        days = parts["BYDAY"].split(",")
        plain = [d for d in days if re.fullmatch(r"[A-Z]{2}", d)]
        ordinal = [d for d in days if not re.fullmatch(r"[A-Z]{2}", d)]
        if plain and ordinal:
            variants = [dict(parts, BYDAY=",".join(plain)), dict(parts, BYDAY=",".join(ordinal))]
    result = []
    for variant in variants:
        text = ";".join("%s=%s" % item for item in variant.items())
        try:
            rule = rrulestr(text, dtstart=dtstart)
            if local_until is not None:
                rule = rule.replace(until=local_until)
        except ValueError as error:
            if "unreachable-by-part" in readings and "empty set" in str(error):
                continue
            raise
        if "unreachable-by-part" in readings:
            rule = UnreachableIsEmpty(rule)
        result.append(rule)
    return result


class UnreachableIsEmpty:
    """A rule whose iteration ends where dateutil raises 'Invalid combination ...' (an INTERVAL
    that never reaches the BYHOUR/BYMINUTE values of a MINUTELY or SECONDLY rule)."""

    def __init__(self, rule):
        self.rule = rule

    def __iter__(self):
        try:
            yield from self.rule
        except ValueError as error:
            if "Invalid combination" not in str(error):
                raise


class Expansion:
    """The set's instants in the order dateutil produces them, generated as far as queries need.

    Consecutive queries about the same text, zone and start share one expansion (each query would
    otherwise iterate again from DTSTART)."""

    def __init__(self, rset, zone, instant_exclusions):
        self.iterator = iter(rset)
        self.zone = zone
        self.instant_exclusions = instant_exclusions
        self.produced = []
        self.finished = False

    def answer(self, after, count):
        above = sorted(i for i in self.produced if i > after)
        while True:
            if len(above) >= count and self.produced and self.produced[-1] > above[count - 1] + timedelta(hours=4):
                break
            if self.finished:
                break
            try:
                value = next(self.iterator)
            except StopIteration:
                self.finished = True
                continue
            instant = to_utc(value, self.zone)
            self.produced.append(instant)
            if instant > after and instant not in self.instant_exclusions:
                bisect.insort(above, instant)
        unique = []
        for instant in above:
            if instant in self.instant_exclusions or (unique and unique[-1] == instant):
                continue
            unique.append(instant)
            if len(unique) == count:
                break
        return " ".join(i.strftime("%Y-%m-%dT%H:%M:%SZ") for i in unique)


CACHE = {}


def instants(line, rfc):
    fields = line.split("\t")
    if len(fields) != 5:
        raise ValueError("expected 5 TAB-separated fields, found %d" % len(fields))
    text, zone_name, start, after_text, count_text = fields
    zone = ZoneInfo(zone_name)
    after = parse_after(after_text)
    count = int(count_text)
    key = (text, zone_name, start if start != "-" else after_text)
    expansion = CACHE.get(key)
    if expansion is None:
        CACHE.clear()
        if start == "-":
            dtstart = after.astimezone(zone).replace(tzinfo=zone)
        else:
            dtstart = parse_local(start).replace(tzinfo=zone)
        lines = text.split(" | ")
        if rfc is not None:
            rules, instant_exclusions, exdates, dtstart = rfc_set(lines, dtstart, zone, rfc)
            rset = rruleset()
            for rule in rules:
                rset.rrule(rule)
            for exdate in exdates:
                rset.exdate(exdate)
        else:
            instant_exclusions = set()
            rset = rrulestr("\n".join(lines), dtstart=dtstart, forceset=True, tzids=zone_lookup)
        expansion = Expansion(rset, zone, instant_exclusions)
    try:
        answer = expansion.answer(after, count)
    except BaseException:
        CACHE.clear()
        raise
    CACHE[key] = expansion
    return answer


def main():
    rfc = None
    for argument in sys.argv[1:]:
        if argument == "--rfc":
            rfc = set(READINGS)
        elif argument.startswith("--rfc="):
            rfc = set(argument[6:].split(",")) - {""}
            unknown = rfc - set(READINGS)
            if unknown:
                sys.exit("unknown readings %s; expected some of %s" % (sorted(unknown), ", ".join(READINGS)))
    timing = "--timing" in sys.argv[1:]
    limit = TIME_LIMIT_SECONDS
    if "--time-limit" in sys.argv[1:]:
        limit = float(sys.argv[sys.argv.index("--time-limit") + 1])
    signal.signal(signal.SIGALRM, on_alarm)
    for raw in sys.stdin:
        line = raw.rstrip("\n")
        signal.setitimer(signal.ITIMER_REAL, limit)
        began = time.perf_counter()
        try:
            answer = instants(line, rfc)
        except TimeLimit:
            answer = "ERROR TIMEOUT dateutil found no answer within %g s" % limit
        except Exception as error:  # every failure of dateutil is an answer: it rejected the text
            answer = "ERROR %s: %s" % (type(error).__name__, str(error).replace("\n", " "))
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        if timing:
            sys.stderr.write("%.4f\t%s\n" % (time.perf_counter() - began, line))
        sys.stdout.write(answer + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
