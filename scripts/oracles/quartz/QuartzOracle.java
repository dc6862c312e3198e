// The reference side of the Quartz differential test: answers taskgate's batch format with the
// real Java Quartz 2.3.2 `org.quartz.CronExpression` (Debian libquartz2-java).
//
// Input, one query per line, TAB-separated: TEXT, ZONE, START (local YYYY-MM-DDTHH:MM:SS or -),
// AFTER (RFC 3339 UTC), COUNT. Output, one line per query: the next COUNT fire instants strictly
// after AFTER as YYYY-MM-DDTHH:MM:SSZ separated by single spaces (fewer if the trigger ends, empty if
// none), or `ERROR <message>`.
//
// How a query becomes a Quartz run, as `CronTriggerImpl` drives `CronExpression`:
// - START is a wall-clock reading; it becomes the trigger's start instant the way Java's lenient
//   GregorianCalendar reads it (a time in a spring-forward gap moves forward by the gap, a repeated
//   time takes its second, standard-time, reading). CronTriggerImpl.computeFirstFireTime asks
//   getTimeAfter(start - 1 s), so a fire exactly at the start counts.
// - The schedule is the CHAIN of fires: each fire is getTimeAfter(previous fire). Asking
//   getTimeAfter(AFTER) directly is wrong when AFTER lies in the first pass of a repeated hour
//   (Java re-reads every wall-clock time it sets with the standard offset and would jump an hour),
//   and just after a spring-forward gap (Java's re-reading of a gap time can step over existing
//   times, which a fresh search from AFTER would still find). So the chain starts at
//   max(START, AFTER - 3 h), moved to 3 h before any offset change within 3 h of it, and fires at
//   or before AFTER are dropped.
// - MAX_YEAR: Java stops firing after "current year + 100", the current year being read from the
//   JVM clock when the class loads. taskgate reads "now" from the query (the year of AFTER, UTC), so
//   the driver reproduces a JVM started in that year: it drops every fire whose local year is beyond
//   year(AFTER) + 100. That is exact, because getTimeAfter returns null as soon as its candidate's
//   year passes MAX_YEAR, and candidates only move forward; it requires the real clock's year to be
//   at least year(AFTER), which the driver checks.
// - A query whose getTimeAfter does not return within the time limit is answered `ERROR TIMEOUT`
//   (Java loops forever on some accepted expressions, e.g. `L-30W` once it meets February).
//
// Build and run: javac -cp /usr/share/java/quartz2.jar -d OUT QuartzOracle.java
//                java -cp /usr/share/java/quartz2.jar:OUT -Duser.timezone=UTC QuartzOracle < queries

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.HashSet;
import java.util.Set;
import java.util.TimeZone;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.quartz.CronExpression;

public final class QuartzOracle {
    private static final long TIMEOUT_MILLIS = 2500;
    private static final long BACK_OFF_SECONDS = 3 * 3600;
    private static final Set<String> ZONES = new HashSet<>(Arrays.asList(TimeZone.getAvailableIDs()));
    private static final DateTimeFormatter UTC_TEXT =
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    public static void main(String[] arguments) throws Exception {
        BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        BufferedWriter output = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        Worker worker = new Worker();
        String line;
        while ((line = input.readLine()) != null) {
            final String query = line;
            String answer = worker.run(query);
            if (answer == null) {
                worker.abandon();
                worker = new Worker();
                answer = "ERROR TIMEOUT Java getTimeAfter did not return within " + TIMEOUT_MILLIS + " ms";
            }
            output.write(answer);
            output.write('\n');
        }
        output.flush();
        System.exit(0);
    }

    /** One query at a time on a daemon thread, so that a query that never returns can be abandoned. */
    private static final class Worker {
        private final BlockingQueue<String> queries = new ArrayBlockingQueue<>(1);
        private final BlockingQueue<String> answers = new ArrayBlockingQueue<>(1);
        private final Thread thread;

        Worker() {
            thread = new Thread(() -> {
                try {
                    while (true) {
                        String query = queries.take();
                        answers.put(answer(query));
                    }
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        String run(String query) throws InterruptedException {
            queries.put(query);
            return answers.poll(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        }

        @SuppressWarnings({"deprecation", "removal"})
        void abandon() {
            // CronExpression holds no lock, so stopping its thread leaves nothing inconsistent.
            // (Java 20 and later refuse to stop a thread; the daemon then spins until exit.)
            try {
                thread.stop();
            } catch (UnsupportedOperationException refused) {
                thread.interrupt();
            }
        }
    }

    /**
     * Where the chain starts when the trigger's start is earlier: three hours before AFTER, and at
     * least three hours away from any offset change, so that the chain enters every gap and repeated
     * hour from before it, as a trigger running since long ago does.
     */
    static Instant chainStart(Instant after, ZoneRules rules) {
        Instant begin = after.minusSeconds(BACK_OFF_SECONDS);
        while (true) {
            ZoneOffsetTransition near = rules.nextTransition(begin.minusSeconds(BACK_OFF_SECONDS));
            if (near == null || !near.getInstant().isBefore(begin.plusSeconds(BACK_OFF_SECONDS))) {
                return begin;
            }
            begin = near.getInstant().minusSeconds(BACK_OFF_SECONDS);
        }
    }

    static String answer(String line) {
        String[] fields = line.split("\t", -1);
        if (fields.length != 5) {
            return "ERROR expected 5 TAB-separated fields, found " + fields.length;
        }
        String text = fields[0];
        String zoneName = fields[1];
        if (!ZONES.contains(zoneName)) {
            return "ERROR unknown time zone '" + zoneName + "'";
        }
        TimeZone zone = TimeZone.getTimeZone(zoneName);
        ZoneRules rules = ZoneId.of(zoneName).getRules();
        Instant after;
        int count;
        try {
            after = Instant.parse(fields[3]);
            count = Integer.parseInt(fields[4]);
        } catch (RuntimeException bad) {
            return "ERROR bad AFTER or COUNT: " + bad.getMessage();
        }
        int capYear = after.atZone(ZoneOffset.UTC).getYear() + 100;
        if (CronExpression.MAX_YEAR < capYear) {
            return "ERROR the JVM clock's year is before year(AFTER); cannot reproduce MAX_YEAR";
        }
        CronExpression expression;
        try {
            expression = new CronExpression(text);
        } catch (ParseException rejected) {
            return "ERROR " + rejected.getMessage();
        } catch (RuntimeException rejected) {
            return "ERROR " + rejected;
        }
        expression.setTimeZone(zone);

        Instant begin = chainStart(after, rules);
        if (!fields[2].equals("-")) {
            LocalDateTime start;
            try {
                start = LocalDateTime.parse(fields[2]);
            } catch (RuntimeException bad) {
                return "ERROR bad START: " + bad.getMessage();
            }
            Calendar lenient = new GregorianCalendar(zone);
            lenient.clear();
            lenient.set(start.getYear(), start.getMonthValue() - 1, start.getDayOfMonth(), start.getHour(),
                start.getMinute(), start.getSecond());
            Instant startInstant = lenient.getTime().toInstant();
            if (startInstant.isAfter(begin)) {
                begin = startInstant;
            }
        }

        StringBuilder result = new StringBuilder();
        int written = 0;
        Date previous = null;
        try {
            Date fire = expression.getTimeAfter(Date.from(begin.minusSeconds(1)));
            while (fire != null && written < count) {
                if (previous != null && !fire.after(previous)) {
                    return "ERROR Java returned " + UTC_TEXT.format(fire.toInstant()) + " after "
                        + UTC_TEXT.format(previous.toInstant());
                }
                if (LocalDateTime.ofInstant(fire.toInstant(), zone.toZoneId()).getYear() > capYear) {
                    break;
                }
                if (fire.toInstant().isAfter(after)) {
                    if (written > 0) {
                        result.append(' ');
                    }
                    result.append(UTC_TEXT.format(fire.toInstant()));
                    written += 1;
                }
                previous = fire;
                fire = expression.getTimeAfter(fire);
            }
        } catch (RuntimeException failed) {
            return "ERROR RUNTIME " + failed;
        }
        return result.toString();
    }
}
