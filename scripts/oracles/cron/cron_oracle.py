#!/usr/bin/env python3
"""Reference answers for five-field cron, from cronsim 2.8 (which mimics Debian cron).

Reads the batch format of `taskgate schedule next --batch` on standard input, one query a
line, TAB-separated:

    TEXT  ZONE  START (YYYY-MM-DDTHH:MM:SS local, or -)  AFTER (RFC 3339 UTC)  COUNT

and writes one line per query: the first COUNT instants strictly after AFTER, as
YYYY-MM-DDTHH:MM:SSZ separated by single spaces (fewer if cronsim gives up, empty if none), or
`ERROR <cronsim's message>`.

How the answer is computed, and why:

* The schedule fires from its window start START (a local reading in ZONE) on; only instants
  after AFTER are wanted. cronsim is asked for "the next match after t", and for a fixed-time
  line (minute and hour not starting with `*`) it iterates on the naive wall clock, so a t
  inside a repeated hour would be misread. The driver therefore starts cronsim early, at
  max(START, AFTER - 3 hours) -- longer than any DST overlap of a zone in the corpus -- and drops
  the results at or before AFTER. It never asks cronsim for "next after AFTER" directly.
* cronsim yields each result as a zone-aware datetime (fold 0 for fixed-time lines); it is
  converted to UTC, and a result not later than the previous one is dropped (the union is a set).
* cronsim has no `@` macros. Debian cron's entry.c defines them by setting the bits and star
  flags of five fields; the driver replaces each macro by the five fields that set the same bits
  and flags: @hourly = `0 * * * *` (HR_STAR), @daily/@midnight = `0 0 * * *`, @weekly =
  `0 0 * * 0` (DOM_STAR), @monthly = `0 0 1 * *` and @yearly/@annually = `0 0 1 1 *` (DOW_STAR).
  `@reboot` has no instants and no five-field form: it is passed on and cronsim rejects it.
"""

import signal
import sys
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from cronsim import CronSim, CronSimError

MARGIN = timedelta(hours=3)
MACROS = {
    "@hourly": "0 * * * *",
    "@daily": "0 0 * * *",
    "@midnight": "0 0 * * *",
    "@weekly": "0 0 * * 0",
    "@monthly": "0 0 1 * *",
    "@yearly": "0 0 1 1 *",
    "@annually": "0 0 1 1 *",
}
# A safety net against an engine that never reaches COUNT results: stop after this many.
MAX_ITERATIONS = 200_000
# cronsim 2.8 loops forever on some wildcard lines at the autumn change of Pacific/Chatham
# (its clocks go back at 03:45 to 02:45, and cronsim's advance_hour resets the minute inside the
# repeated span); a query that takes longer than this is answered with TIMEOUT_MESSAGE.
TIMEOUT_SECONDS = 2
TIMEOUT_MESSAGE = "ERROR cronsim did not answer within %d s" % TIMEOUT_SECONDS


class Timeout(Exception):
    pass


def on_alarm(signum, frame):
    raise Timeout()


def answer(text, zone_name, start_text, after_text, count):
    zone = ZoneInfo(zone_name)
    after = datetime.strptime(after_text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
    expression = MACROS.get(text.strip(), text)
    begin = (after - MARGIN).astimezone(zone)
    if start_text != "-":
        start = datetime.strptime(start_text, "%Y-%m-%dT%H:%M:%S")
        # cronsim moves one second before it matches: hand it the second before START.
        if start.replace(tzinfo=zone) > begin:
            begin = (start - timedelta(seconds=1)).replace(tzinfo=zone)
    try:
        iterator = CronSim(expression, begin)
    except CronSimError as error:
        return "ERROR " + str(error)
    except (ValueError, IndexError) as error:
        return "ERROR cronsim: " + str(error)
    results = []
    last = None
    for _ in range(MAX_ITERATIONS):
        if len(results) >= count:
            break
        try:
            fire = next(iterator)
        except StopIteration:
            break
        except CronSimError as error:
            return "ERROR " + str(error)
        instant = fire.astimezone(timezone.utc)
        if instant <= after or (last is not None and instant <= last):
            continue
        last = instant
        results.append(instant.strftime("%Y-%m-%dT%H:%M:%SZ"))
    return " ".join(results)


def timed_answer(*arguments):
    signal.alarm(TIMEOUT_SECONDS)
    try:
        return answer(*arguments)
    except Timeout:
        return TIMEOUT_MESSAGE
    finally:
        signal.alarm(0)


def main():
    signal.signal(signal.SIGALRM, on_alarm)
    for line in sys.stdin:
        fields = line.rstrip("\n").split("\t")
        if len(fields) != 5:
            print("ERROR expected 5 TAB-separated fields, found %d" % len(fields))
            continue
        text, zone_name, start_text, after_text, count_text = fields
        print(timed_answer(text, zone_name, start_text, after_text, int(count_text)))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
