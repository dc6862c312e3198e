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
# cronsim 2.8 crawls, or loops forever, on some wildcard lines at the autumn change of
# Pacific/Chatham (clocks go back at 03:45 to 02:45; cronsim's advance_hour resets the minute
# inside the repeated span and steps through it again and again). An ordinary query of the corpus
# takes at most about 11,000 of cronsim's clock steps; a query that needs more than STEP_BUDGET is
# answered with STALL_MESSAGE. Counting steps, not seconds, keeps the answer independent of the
# machine's load.
STEP_BUDGET = 100_000
STALL_MESSAGE = "ERROR cronsim stalled (more than %d clock steps)" % STEP_BUDGET


class Stalled(Exception):
    pass


class BudgetedCronSim(CronSim):
    """cronsim with a budget of clock steps (its `tick` calls)."""

    def __init__(self, expression, start):
        self.steps = 0
        super().__init__(expression, start)

    def tick(self, seconds=1):
        self.steps += 1
        if self.steps > STEP_BUDGET:
            raise Stalled()
        super().tick(seconds)


def answer(text, zone_name, start_text, after_text, count):
    try:
        zone = ZoneInfo(zone_name)
    except (ValueError, KeyError, OSError):
        return "ERROR unknown time zone %s" % zone_name
    after = datetime.strptime(after_text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
    expression = MACROS.get(text.strip(), text)
    begin = (after - MARGIN).astimezone(zone)
    if start_text != "-":
        start = datetime.strptime(start_text, "%Y-%m-%dT%H:%M:%S")
        # cronsim moves one second before it matches: hand it the second before START.
        if start.replace(tzinfo=zone) > begin:
            begin = (start - timedelta(seconds=1)).replace(tzinfo=zone)
    try:
        iterator = BudgetedCronSim(expression, begin)
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
        except Stalled:
            return STALL_MESSAGE
        instant = fire.astimezone(timezone.utc)
        if instant <= after or (last is not None and instant <= last):
            continue
        last = instant
        results.append(instant.strftime("%Y-%m-%dT%H:%M:%SZ"))
    return " ".join(results)


def main():
    for line in sys.stdin:
        fields = line.rstrip("\n").split("\t")
        if len(fields) != 5:
            print("ERROR expected 5 TAB-separated fields, found %d" % len(fields))
            continue
        text, zone_name, start_text, after_text, count_text = fields
        print(answer(text, zone_name, start_text, after_text, int(count_text)))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
