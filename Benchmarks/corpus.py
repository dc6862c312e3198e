"""The fixed corpus of the schedule benchmarks: realistic business schedules in each dialect.

Writes two files into the given folder, from a fixed seed, so that every run measures the same work:
- next.tsv: DIALECT, TEXT, ZONE, START, AFTER (for `schedule-bench next` and the baselines);
- convert.tsv: FROM, TO, TEXT, ZONE, START (for `schedule-bench convert`).

Usage: python3 corpus.py OUT_DIR [SIZE_PER_DIALECT]
"""

import os
import random
import sys

ZONES = ["UTC", "America/New_York", "Europe/Berlin", "Asia/Tokyo", "Australia/Sydney", "America/Chicago"]
QUARTZ_DAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]
RRULE_DAYS = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"]


def quartz(rng):
    minute, hour = rng.choice([0, 0, 15, 30, 45, rng.randrange(60)]), rng.randrange(6, 20)
    shapes = [
        lambda: f"0 {minute} {hour} ? * MON-FRI",
        lambda: f"0 {minute} {hour} * * ?",
        lambda: f"0 {minute} {hour},{(hour + 6) % 24} ? * {rng.choice(QUARTZ_DAYS)}",
        lambda: f"0 0/{rng.choice([5, 10, 15, 20, 30])} {hour}-{min(hour + 8, 23)} ? * MON-FRI",
        lambda: f"0 {minute} {hour} {rng.randrange(1, 29)} * ?",
        lambda: f"0 {minute} {hour} L * ?",
        lambda: f"0 {minute} {hour} LW * ?",
        lambda: f"0 {minute} {hour} {rng.randrange(1, 28)}W * ?",
        lambda: f"0 {minute} {hour} ? * {rng.randrange(1, 8)}#{rng.randrange(1, 5)}",
        lambda: f"0 {minute} {hour} ? {rng.choice(['1,4,7,10', 'JAN-JUN', '*/2'])} {rng.choice(QUARTZ_DAYS)}L",
        lambda: f"0 {minute} */{rng.choice([2, 3, 4, 6])} * * ?",
    ]
    return rng.choice(shapes)()


def cron(rng):
    minute, hour = rng.choice([0, 0, 15, 30, 45, rng.randrange(60)]), rng.randrange(6, 20)
    shapes = [
        lambda: f"{minute} {hour} * * 1-5",
        lambda: f"{minute} {hour} * * *",
        lambda: f"*/{rng.choice([5, 10, 15, 30])} * * * *",
        lambda: f"{minute} {hour} {rng.randrange(1, 29)} * *",
        lambda: f"{minute} {hour} 1 * {rng.randrange(0, 7)}",
        lambda: f"{minute} {hour}-{min(hour + 8, 23)} * * 1-5",
        lambda: f"{minute} */{rng.choice([2, 3, 4, 6])} * * *",
        lambda: f"{minute} {hour} * {rng.choice(['1,4,7,10', '*/3', '6-8'])} {rng.randrange(0, 7)}",
    ]
    return rng.choice(shapes)()


def rrule(rng):
    minute, hour = rng.choice([0, 0, 15, 30, 45, rng.randrange(60)]), rng.randrange(6, 20)
    time = f"BYHOUR={hour};BYMINUTE={minute};BYSECOND=0"
    shapes = [
        lambda: f"RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;{time}",
        lambda: f"RRULE:FREQ=DAILY;{time}",
        lambda: f"RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY={rng.choice(RRULE_DAYS)};{time}",
        lambda: f"RRULE:FREQ=MONTHLY;BYMONTHDAY={rng.randrange(1, 29)};{time}",
        lambda: f"RRULE:FREQ=MONTHLY;BYMONTHDAY=-1;{time}",
        lambda: f"RRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;{time}",
        lambda: f"RRULE:FREQ=MONTHLY;BYDAY={rng.randrange(1, 5)}{rng.choice(RRULE_DAYS)};{time}",
        lambda: f"RRULE:FREQ=YEARLY;BYMONTH={rng.randrange(1, 13)};BYDAY=-1{rng.choice(RRULE_DAYS)};{time}",
        lambda: f"RRULE:FREQ=HOURLY;INTERVAL={rng.choice([2, 3, 4, 6])};BYMINUTE={minute};BYSECOND=0",
        lambda: f"RRULE:FREQ=MINUTELY;INTERVAL={rng.choice([5, 10, 15, 30])};BYHOUR=8,9,10,11,12,13,14,15,16,17;BYSECOND=0",
    ]
    return rng.choice(shapes)()


def main():
    folder = sys.argv[1]
    size = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    rng = random.Random(20261123)
    os.makedirs(folder, exist_ok=True)
    next_lines, convert_lines = [], []
    for dialect, make in (("quartz", quartz), ("cron", cron), ("rrule", rrule)):
        for _ in range(size):
            zone = rng.choice(ZONES)
            text = make(rng)
            start = "2025-12-01T00:00:00" if dialect == "rrule" else "-"
            day = rng.randrange(0, 365)
            after = f"2026-{1 + day // 31 % 12:02d}-{1 + day % 28:02d}T{rng.randrange(24):02d}:00:00Z"
            next_lines.append(f"{dialect}\t{text}\t{zone}\t{start}\t{after}")
            if dialect == "quartz":
                convert_lines.append(f"quartz\trrule\t{text}\t{zone}\t2026-01-01T00:00:00")
            elif dialect == "rrule":
                convert_lines.append(f"rrule\tquartz\t{text}\t{zone}\t2026-01-01T00:00:00")
    with open(os.path.join(folder, "next.tsv"), "w", encoding="utf-8") as out:
        out.write("\n".join(next_lines) + "\n")
    with open(os.path.join(folder, "convert.tsv"), "w", encoding="utf-8") as out:
        out.write("\n".join(convert_lines) + "\n")


if __name__ == "__main__":
    main()
