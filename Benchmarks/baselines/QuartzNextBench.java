// Baseline for taskgate's next-occurrence benchmark: Java Quartz 2.3.2 `CronExpression` on a warmed
// JVM. Reads the same corpus as `schedule-bench next` (DIALECT, TEXT, ZONE, START, AFTER; only the
// `quartz` lines), parses every expression once, then asks for the next COUNT fire times after
// AFTER — each the fire time after the previous one, as a trigger does — pass after pass: first
// for WARMUP seconds untimed (so the JIT has compiled the hot paths), then for SECONDS timed.
//
// Build and run: javac -cp /usr/share/java/quartz2.jar -d OUT QuartzNextBench.java
//   java -cp /usr/share/java/quartz2.jar:OUT QuartzNextBench CORPUS COUNT WARMUP SECONDS

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;

import org.quartz.CronExpression;

public final class QuartzNextBench {
    public static void main(String[] arguments) throws Exception {
        int count = Integer.parseInt(arguments[1]);
        double warmup = Double.parseDouble(arguments[2]);
        double seconds = Double.parseDouble(arguments[3]);
        List<CronExpression> expressions = new ArrayList<>();
        List<Date> afters = new ArrayList<>();
        for (String line : Files.readAllLines(Paths.get(arguments[0]), StandardCharsets.UTF_8)) {
            String[] fields = line.split("\t", -1);
            if (fields.length != 5 || !fields[0].equals("quartz")) continue;
            try {
                CronExpression expression = new CronExpression(fields[1]);
                expression.setTimeZone(TimeZone.getTimeZone(fields[2]));
                expressions.add(expression);
                afters.add(Date.from(Instant.parse(fields[4])));
            } catch (Exception rejected) {
                // Rejected expressions are not timed on either side.
            }
        }
        run(expressions, afters, count, warmup);
        long[] totals = run(expressions, afters, count, seconds);
        double elapsed = totals[2] / 1e9;
        System.out.printf(
            "{\"operations\": %d, \"instants\": %d, \"seconds\": %f, \"operationsPerSecond\": %f, "
                + "\"instantsPerSecond\": %f, \"expressions\": %d}%n",
            totals[0], totals[1], elapsed, totals[0] / elapsed, totals[1] / elapsed, expressions.size());
    }

    private static long[] run(List<CronExpression> expressions, List<Date> afters, int count, double seconds) {
        long start = System.nanoTime();
        long limit = start + (long) (seconds * 1e9);
        long queries = 0;
        long instants = 0;
        do {
            for (int index = 0; index < expressions.size(); index++) {
                Date date = afters.get(index);
                CronExpression expression = expressions.get(index);
                for (int produced = 0; produced < count; produced++) {
                    date = expression.getNextValidTimeAfter(date);
                    if (date == null) break;
                    instants++;
                }
                queries++;
            }
        } while (System.nanoTime() < limit);
        return new long[] {queries, instants, System.nanoTime() - start};
    }
}
