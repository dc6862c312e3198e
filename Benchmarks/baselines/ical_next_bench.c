/*
 * Baseline for taskgate's next-occurrence benchmark on RRULEs: libical's icalrecur_iterator.
 *
 * Reads the same corpus as `schedule-bench next` (DIALECT, TEXT, ZONE, START, AFTER; only the
 * `rrule` lines). Each query builds an iterator from DTSTART = START, jumps it to AFTER with
 * icalrecur_iterator_set_start (rules without COUNT), and takes the next COUNT instances, pass after
 * pass for SECONDS. libical iterates floating local times here: no zone conversion is charged to
 * it, which favours the baseline. Prints one JSON object.
 *
 * Usage: ical_next_bench CORPUS COUNT SECONDS
 */
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct {
    struct icalrecurrencetype recur;
    struct icaltimetype start;
    struct icaltimetype after;
} Query;

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* YYYY-MM-DDTHH:MM:SS (a trailing Z is ignored) as a floating time. */
static int parse_local(const char *text, struct icaltimetype *out) {
    int y, mo, d, h, mi, s;
    if (sscanf(text, "%d-%d-%dT%d:%d:%d", &y, &mo, &d, &h, &mi, &s) != 6) return 0;
    *out = icaltime_null_time();
    out->year = y; out->month = mo; out->day = d;
    out->hour = h; out->minute = mi; out->second = s;
    return 1;
}

int main(int argc, char **argv) {
    if (argc != 4) { fprintf(stderr, "usage: ical_next_bench CORPUS COUNT SECONDS\n"); return 2; }
    long count = strtol(argv[2], NULL, 10);
    double seconds = strtod(argv[3], NULL);
    FILE *corpus = fopen(argv[1], "r");
    if (!corpus) { perror(argv[1]); return 2; }
    size_t capacity = 1024, used = 0;
    Query *queries = malloc(capacity * sizeof *queries);
    char line[4096];
    while (fgets(line, sizeof line, corpus)) {
        line[strcspn(line, "\n")] = '\0';
        char *fields[5];
        int n = 0;
        for (char *cursor = line; n < 5; n++) {
            fields[n] = cursor;
            char *tab = strchr(cursor, '\t');
            if (!tab) { n++; break; }
            *tab = '\0';
            cursor = tab + 1;
        }
        if (n != 5 || strcmp(fields[0], "rrule") != 0 || strcmp(fields[3], "-") == 0) continue;
        char *rule = fields[1];
        if (strncmp(rule, "RRULE:", 6) == 0) rule += 6;
        Query query;
        icalerror_clear_errno();
        query.recur = icalrecurrencetype_from_string(rule);
        if (query.recur.freq == ICAL_NO_RECURRENCE || icalerrno != ICAL_NO_ERROR) continue;
        if (!parse_local(fields[3], &query.start) || !parse_local(fields[4], &query.after)) continue;
        if (used == capacity) queries = realloc(queries, (capacity *= 2) * sizeof *queries);
        queries[used++] = query;
    }
    fclose(corpus);

    long long operations = 0, instants = 0;
    double start = now_seconds(), elapsed;
    do {
        for (size_t i = 0; i < used; i++) {
            icalrecur_iterator *iterator = icalrecur_iterator_new(queries[i].recur, queries[i].start);
            if (!iterator) continue;
            if (queries[i].recur.count == 0) icalrecur_iterator_set_start(iterator, queries[i].after);
            for (long k = 0; k < count; k++) {
                struct icaltimetype next = icalrecur_iterator_next(iterator);
                if (icaltime_is_null_time(next)) break;
                instants++;
            }
            icalrecur_iterator_free(iterator);
            operations++;
        }
        elapsed = now_seconds() - start;
    } while (elapsed < seconds);
    printf("{\"engine\": \"libical\", \"operations\": %lld, \"instants\": %lld, \"seconds\": %.3f, "
           "\"operationsPerSecond\": %.1f, \"instantsPerSecond\": %.1f, \"expressions\": %zu}\n",
           operations, instants, elapsed, operations / elapsed, instants / elapsed, used);
    free(queries);
    return 0;
}
