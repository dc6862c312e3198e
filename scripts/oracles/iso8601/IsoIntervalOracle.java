// Reference evaluator for taskgate's `iso8601` dialect, built on java.time (OpenJDK 17), the
// library Serverless Workflow runtimes on the JVM compute schedules with.
//
// Input: TAB-separated lines  TEXT  ZONE  START  END  AFTER  COUNT
//   TEXT   an ISO 8601 repeating interval (R[n]/start/duration, R[n]/start/end, R[n]/duration/end,
//          R[n]/duration)
//   ZONE   the IANA zone local date-times are read in
//   START  the window start: a local date-time (compared with each occurrence's local reading),
//          an instant with Z/offset (compared with the instant), or '-'
//   END    the window end, inclusive, in the same forms, or '-'
//   AFTER  RFC 3339 instant; COUNT how many instants to print
// Output: one line per input line: the next COUNT instants strictly after AFTER, as
//   yyyy-MM-ddTHH:mm:ssZ separated by single spaces, or "ERROR <message>".
//
// Semantics (what java.time does, and what taskgate documents):
//   occurrence k of R[n]/start/P = ZonedDateTime start, then
//     ZonedDateTime.ofLocal(start.toLocalDateTime().plusMonths(k*M).plusDays(k*D), zone, start.getOffset())
//       .plusSeconds(k*S)
//   which is start.plus(period.multipliedBy(k)).plus(duration.multipliedBy(k)) without Period's int
//   overflow (ZonedDateTime.plus(Period) is resolveLocal(localDateTime.plus(period)) with the old
//   offset preferred). R/duration/end: occurrence k = 1..n is end.minus(...) the same way.
//   A local start is ZonedDateTime.ofLocal(local, zone, null).
//
// Iteration: this driver never asks for "the next occurrence after AFTER". It bisects over the
// occurrence index for the first index whose instant is later than AFTER - 3 days (valid because
// the instants increase with the index), walks forward from there and drops every result <= AFTER,
// so that an AFTER inside a repeated DST hour cannot make it skip or repeat an occurrence.
//
// The grammar checks mirror taskgate's documented grammar (ISO8601IntervalDialect): they decide
// only accept/reject; the arithmetic is java.time's.

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public final class IsoIntervalOracle {
    static final class Rejected extends Exception {
        Rejected(String message) { super(message); }
    }

    static final long LAST_EPOCH = LocalDateTime.of(9999, 12, 31, 23, 59, 59).toEpochSecond(ZoneOffset.UTC);
    static final LocalDateTime FIRST_LOCAL = LocalDateTime.of(1, 1, 1, 0, 0, 0);
    static final LocalDateTime LAST_LOCAL = LocalDateTime.of(9999, 12, 31, 23, 59, 59);
    // No '+' before a five-digit year (an instant just past 9999-12-31 in a western zone), as taskgate prints it.
    static final DateTimeFormatter OUT = new java.time.format.DateTimeFormatterBuilder()
        .appendValue(java.time.temporal.ChronoField.YEAR, 4, 10, java.time.format.SignStyle.NORMAL)
        .appendPattern("-MM-dd'T'HH:mm:ss'Z'").toFormatter();

    static final Pattern DATE_TIME = Pattern.compile(
        "(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?(Z|[+-]\\d{2}(?::?\\d{2})?)?");
    static final Pattern NUMBER = Pattern.compile("(\\d+)(?:[.,](\\d{1,9}))?");

    /** A date-time as written: the local reading, and an offset or null. */
    record DateTime(LocalDateTime local, ZoneOffset offset) {}

    /** Nominal months, nominal days and elapsed seconds. */
    record Duration(long months, long days, long seconds) {
        boolean isZero() { return months == 0 && days == 0 && seconds == 0; }
    }

    static DateTime dateTime(String text) throws Rejected {
        Matcher m = DATE_TIME.matcher(text);
        if (!m.matches()) throw new Rejected("not a date-time: " + text);
        int year = Integer.parseInt(m.group(1)), month = Integer.parseInt(m.group(2)), day = Integer.parseInt(m.group(3));
        int hour = Integer.parseInt(m.group(4)), minute = Integer.parseInt(m.group(5));
        int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
        if (m.group(7) != null && !m.group(7).matches("0+")) throw new Rejected("fraction of a second");
        if (year < 1 || month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) throw new Rejected("field range");
        LocalDateTime local;
        try {
            local = LocalDateTime.of(year, month, day, hour, minute, second);
        } catch (DateTimeException e) {
            throw new Rejected("day range");
        }
        ZoneOffset offset = null;
        String zone = m.group(8);
        if (zone != null) {
            if (zone.equals("Z")) {
                offset = ZoneOffset.UTC;
            } else {
                int sign = zone.charAt(0) == '-' ? -1 : 1;
                String digits = zone.substring(1).replace(":", "");
                int hours = Integer.parseInt(digits.substring(0, 2));
                int minutes = digits.length() > 2 ? Integer.parseInt(digits.substring(2)) : 0;
                if (minutes > 59 || hours * 3600 + minutes * 60 > 18 * 3600) throw new Rejected("offset range");
                offset = ZoneOffset.ofTotalSeconds(sign * (hours * 3600 + minutes * 60));
            }
        }
        return new DateTime(local, offset);
    }

    static Duration duration(String text) throws Rejected {
        if (!text.startsWith("P")) throw new Rejected("not a duration");
        String[] dateDesignators = {"Y", "M", "W", "D"};
        String[] timeDesignators = {"H", "M", "S"};
        long[] limitsBefore = {9_999L, 119_988L, 521_775L, 3_652_425L};
        long[] limitsAfter = {87_658_200L, 5_259_492_000L, 315_569_520_000L};
        long[] unitSeconds = {3600, 60, 1};
        long years = 0, months = 0, weeks = 0, days = 0, seconds = 0;
        int position = 1, lastRank = -1, components = 0, timeComponents = 0;
        boolean inTime = false, fractionSeen = false;
        while (position < text.length()) {
            if (text.charAt(position) == 'T') {
                if (inTime) throw new Rejected("T twice");
                inTime = true;
                position++;
                continue;
            }
            if (fractionSeen) throw new Rejected("fraction not last");
            Matcher m = NUMBER.matcher(text);
            m.region(position, text.length());
            if (!m.lookingAt()) throw new Rejected("expected a number");
            position = m.end();
            if (position >= text.length()) throw new Rejected("no designator");
            String designator = String.valueOf(text.charAt(position));
            position++;
            String[] allowed = inTime ? timeDesignators : dateDesignators;
            int index = -1;
            for (int i = 0; i < allowed.length; i++) if (allowed[i].equals(designator)) index = i;
            if (index < 0) throw new Rejected("bad designator");
            int rank = (inTime ? 4 : 0) + index;
            if (rank <= lastRank) throw new Rejected("order");
            lastRank = rank;
            components++;
            if (inTime) timeComponents++;
            long limit = inTime ? limitsAfter[index] : limitsBefore[index];
            BigInteger whole = new BigInteger(m.group(1));
            if (whole.compareTo(BigInteger.valueOf(limit)) > 0) throw new Rejected("too large");
            long value = whole.longValue();
            String fraction = m.group(2);
            long carried = 0;
            if (fraction != null) {
                fractionSeen = true;
                if (!fraction.matches("0+")) {
                    if (!inTime) throw new Rejected("nominal fraction");
                    long numerator = Long.parseLong(fraction);
                    long scale = BigInteger.TEN.pow(fraction.length()).longValue();
                    if (numerator * unitSeconds[index] % scale != 0) throw new Rejected("not whole seconds");
                    carried = numerator * unitSeconds[index] / scale;
                }
            }
            if (!inTime) {
                switch (index) {
                    case 0 -> years = value;
                    case 1 -> months = value;
                    case 2 -> weeks = value;
                    default -> days = value;
                }
            } else {
                seconds += value * unitSeconds[index] + carried;
            }
        }
        if (components == 0) throw new Rejected("no component");
        if (inTime && timeComponents == 0) throw new Rejected("T without time");
        long totalMonths = years * 12 + months, totalDays = weeks * 7 + days;
        if (totalMonths > 119_988 || totalDays > 3_652_425 || seconds > 315_569_520_000L) throw new Rejected("longer than 10,000 years");
        Duration result = new Duration(totalMonths, totalDays, seconds);
        if (result.isZero()) throw new Rejected("zero duration");
        return result;
    }

    static ZonedDateTime zoned(DateTime dateTime, ZoneId zone) {
        if (dateTime.offset() != null) return dateTime.local().atOffset(dateTime.offset()).toInstant().atZone(zone);
        return ZonedDateTime.ofLocal(dateTime.local(), zone, null);
    }

    static void checkYear(ZonedDateTime value) throws Rejected {
        int year = value.toLocalDateTime().getYear();
        if (year < 1 || year > 9999) throw new Rejected("outside the years 0001-9999");
    }

    /** Occurrences as a function of the index: null once outside the years 0001-9999. */
    interface Series {
        ZonedDateTime at(long k);
    }

    static ZonedDateTime forward(ZonedDateTime start, Duration d, long k, ZoneId zone) {
        try {
            LocalDateTime local = start.toLocalDateTime().plusMonths(Math.multiplyExact(k, d.months()))
                .plusDays(Math.multiplyExact(k, d.days()));
            ZonedDateTime nominal = ZonedDateTime.ofLocal(local, zone, start.getOffset());
            ZonedDateTime result = nominal.plusSeconds(Math.multiplyExact(k, d.seconds()));
            return inRange(result) ? result : null;
        } catch (DateTimeException | ArithmeticException e) {
            return null;
        }
    }

    static ZonedDateTime backward(ZonedDateTime end, Duration d, long k, ZoneId zone) {
        try {
            LocalDateTime local = end.toLocalDateTime().minusMonths(Math.multiplyExact(k, d.months()))
                .minusDays(Math.multiplyExact(k, d.days()));
            ZonedDateTime nominal = ZonedDateTime.ofLocal(local, zone, end.getOffset());
            ZonedDateTime result = nominal.minusSeconds(Math.multiplyExact(k, d.seconds()));
            return inRange(result) ? result : null;
        } catch (DateTimeException | ArithmeticException e) {
            return null;
        }
    }

    static boolean inRange(ZonedDateTime value) {
        LocalDateTime local = value.toLocalDateTime();
        return !local.isBefore(FIRST_LOCAL) && !local.isAfter(LAST_LOCAL);
    }

    static String answer(String line) throws Rejected {
        String[] fields = line.split("\t", -1);
        if (fields.length != 6) throw new Rejected("expected 6 fields");
        String text = fields[0].strip();
        ZoneId zone;
        try {
            zone = ZoneId.of(fields[1]);
        } catch (DateTimeException e) {
            throw new Rejected("unknown zone");
        }
        DateTime windowStart = fields[2].equals("-") ? null : dateTime(fields[2]);
        DateTime windowEnd = fields[3].equals("-") ? null : dateTime(fields[3]);
        if (windowStart != null && windowEnd != null
            && !zoned(windowEnd, zone).toInstant().isAfter(zoned(windowStart, zone).toInstant())) {
            // A Serverless Workflow object whose endDateTime is not after its startDateTime (CHO-017).
            throw new Rejected("window end not after window start");
        }
        Instant after = Instant.parse(fields[4]);
        int count = Integer.parseInt(fields[5]);

        String[] parts = text.split("/", -1);
        if (!parts[0].startsWith("R")) throw new Rejected("no R");
        String repetitionText = parts[0].substring(1);
        long repetitions = -1;
        if (!(repetitionText.isEmpty() || repetitionText.equals("-1"))) {
            if (!repetitionText.matches("\\d+")) throw new Rejected("bad R");
            BigInteger value = new BigInteger(repetitionText);
            if (value.compareTo(BigInteger.valueOf(Integer.MAX_VALUE)) > 0) throw new Rejected("too many repetitions");
            repetitions = value.longValue();
        }
        if (parts.length != 2 && parts.length != 3) throw new Rejected("parts");
        for (int i = 1; i < parts.length; i++) if (parts[i].isEmpty()) throw new Rejected("empty part");

        final Series series;
        final boolean descending;
        if (parts.length == 2) {
            if (!parts[1].startsWith("P")) throw new Rejected("start alone");
            Duration d = duration(parts[1]);
            if (windowStart == null) throw new Rejected("no start");
            ZonedDateTime start = zoned(windowStart, zone);
            checkYear(start);
            series = k -> forward(start, d, k, zone);
            descending = false;
        } else {
            boolean firstIsDuration = parts[1].startsWith("P"), secondIsDuration = parts[2].startsWith("P");
            if (firstIsDuration && secondIsDuration) throw new Rejected("two durations");
            if (!firstIsDuration && !Character.isDigit(parts[1].charAt(0))) throw new Rejected("bad start");
            if (!secondIsDuration && !Character.isDigit(parts[2].charAt(0))) throw new Rejected("bad end");
            if (!firstIsDuration && secondIsDuration) {
                DateTime startText = dateTime(parts[1]);
                Duration d = duration(parts[2]);
                ZonedDateTime start = zoned(startText, zone);
                checkYear(start);
                series = k -> forward(start, d, k, zone);
                descending = false;
            } else if (!firstIsDuration) {
                DateTime startText = dateTime(parts[1]);
                DateTime endText = dateTime(parts[2]);
                ZonedDateTime start = zoned(startText, zone);
                checkYear(start);
                ZonedDateTime end = zoned(endText, zone);
                long seconds = end.toEpochSecond() - start.toEpochSecond();
                if (seconds <= 0) throw new Rejected("end not after start");
                Duration d = new Duration(0, 0, seconds);
                series = k -> forward(start, d, k, zone);
                descending = false;
            } else {
                Duration d = duration(parts[1]);
                DateTime endText = dateTime(parts[2]);
                ZonedDateTime end = zoned(endText, zone);
                checkYear(end);
                int kinds = (d.months() != 0 ? 1 : 0) + (d.days() != 0 ? 1 : 0) + (d.seconds() != 0 ? 1 : 0);
                if (kinds != 1) throw new Rejected("mixed duration counted back");
                if (repetitions >= 0) {
                    ZonedDateTime first = repetitions == 0 ? end : backward(end, d, repetitions, zone);
                    if (first == null) throw new Rejected("starts before year 1");
                    if (d.months() != 0 && repetitions >= 2
                        && first.toLocalDateTime().getDayOfMonth() != end.toLocalDateTime().getDayOfMonth()) {
                        throw new Rejected("clamped first occurrence");
                    }
                }
                series = k -> backward(end, d, k + 1, zone);
                descending = true;
            }
        }
        return enumerate(series, descending, repetitions, windowStart, windowEnd, zone, after, count);
    }

    static boolean admitsStart(DateTime start, ZonedDateTime value, ZoneId zone) {
        if (start == null) return true;
        if (start.offset() == null) return !value.toLocalDateTime().isBefore(start.local());
        return !value.toInstant().isBefore(start.local().atOffset(start.offset()).toInstant());
    }

    static boolean admitsEnd(DateTime end, ZonedDateTime value) {
        if (end == null) return true;
        if (end.offset() == null) return !value.toLocalDateTime().isAfter(end.local());
        return !value.toInstant().isAfter(end.local().atOffset(end.offset()).toInstant());
    }

    /**
     * Occurrence index i runs 0, 1, 2, ... For an ascending series the instants grow with i; for a
     * descending one (counted back from an end) they shrink, so the walk goes from a high index down.
     */
    static String enumerate(Series series, boolean descending, long repetitions, DateTime windowStart,
                            DateTime windowEnd, ZoneId zone, Instant after, int count) {
        long limit = repetitions >= 0 ? repetitions : Long.MAX_VALUE / 4;
        Instant early = after.minusSeconds(3 * 86_400);
        List<String> out = new ArrayList<>();
        if (limit == 0 || count == 0) return "";
        // The series leaves the years 0001-9999 at some index and never returns (null after it):
        // find the last valid index by doubling, then bisection.
        if (series.at(0) == null) return "";
        long high = 1;
        while (high < limit && series.at(high) != null) high = Math.min(limit, high * 2);
        long a0 = 0, b0 = Math.min(high, limit - 1);
        while (a0 < b0) {
            long middle = a0 + (b0 - a0 + 1) / 2;
            if (series.at(middle) != null) a0 = middle; else b0 = middle - 1;
        }
        long lastValid = a0;
        if (!descending) {
            // first index with instant > early
            long a = 0, b = lastValid + 1;
            while (a < b) {
                long middle = a + (b - a) / 2;
                if (series.at(middle).toInstant().isAfter(early)) b = middle; else a = middle + 1;
            }
            for (long i = a; i <= lastValid && out.size() < count; i++) {
                ZonedDateTime value = series.at(i);
                if (!admitsEnd(windowEnd, value)) break;
                if (!value.toInstant().isAfter(after) || !admitsStart(windowStart, value, zone)) continue;
                out.add(OUT.format(value.withZoneSameInstant(ZoneOffset.UTC)));
            }
        } else {
            // largest index with instant > early (instants shrink as the index grows)
            long a = -1, b = lastValid;
            while (a < b) {
                long middle = a + (b - a + 1) / 2;
                if (series.at(middle).toInstant().isAfter(early)) a = middle; else b = middle - 1;
            }
            for (long i = a; i >= 0 && out.size() < count; i--) {
                ZonedDateTime value = series.at(i);
                if (!admitsEnd(windowEnd, value)) break;
                if (!value.toInstant().isAfter(after) || !admitsStart(windowStart, value, zone)) continue;
                out.add(OUT.format(value.withZoneSameInstant(ZoneOffset.UTC)));
            }
        }
        return String.join(" ", out);
    }

    public static void main(String[] arguments) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
        String line;
        while ((line = in.readLine()) != null) {
            try {
                out.println(answer(line));
            } catch (Rejected e) {
                out.println("ERROR " + e.getMessage());
            }
        }
        out.flush();
    }
}
