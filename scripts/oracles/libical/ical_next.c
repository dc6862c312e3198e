/*
 * ical_next: the next instants of RRULE sets in UTC, computed with libical's icalrecur_iterator.
 *
 * Reads the batch format of `taskgate schedule next --batch` from standard input, one query a
 * line, TAB-separated:
 *
 *     TEXT  ZONE  START  AFTER  COUNT
 *
 * TEXT holds lines separated by " | ": RRULE lines (with or without the "RRULE:" prefix, in
 * either case: they are upper-cased for libical, whose parser is case-sensitive although RFC 5545
 * section 2 is not), EXDATE lines (EXDATE[;TZID=UTC]:YYYYMMDDTHHMMSS[Z][,...]) and at most one
 * DTSTART line of the same form. ZONE must be UTC: this driver is the speed baseline and a
 * second opinion for UTC rules only, so it never needs a zone database. START is DTSTART as
 * YYYY-MM-DDTHH:MM:SS, or "-" for "DTSTART = AFTER" (what taskgate does when no start is given:
 * DTSTART is the reference instant, and the batch mode's reference is AFTER). AFTER is RFC 3339
 * in UTC (YYYY-MM-DDTHH:MM:SSZ).
 *
 * For each line it writes the next COUNT instants strictly after AFTER, as YYYY-MM-DDTHH:MM:SSZ
 * separated by single spaces (fewer if the set ends, nothing if it is empty), or "ERROR" and a
 * message. Each rule is iterated from DTSTART (DTSTART fixes the phase of INTERVAL and what COUNT
 * counts), results at or before AFTER are dropped, the rules are merged, an instant produced by
 * two rules is written once, and EXDATE instants are removed. A DTSTART that the rule does not
 * select is not written (libical 3.0.16, like python-dateutil, starts at the rule's first
 * instance).
 *
 * Options:
 *     --set-start   jump each rule without COUNT close to AFTER with icalrecur_iterator_set_start
 *                   instead of iterating from DTSTART (what a calendar server does).
 *     --repeat N    answer every line N times (timing: the answers are written once).
 *
 * Build: gcc -O2 -o ical_next ical_next.c $(pkg-config --cflags --libs libical)
 */
#include <ctype.h>
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_RULES 16
#define MAX_EXDATES 256
#define MAX_LINE 65536
/* Iterations of one rule without passing AFTER before the driver gives up (an impossible rule
 * such as BYMONTH=2;BYMONTHDAY=30 makes libical search to its year limit). */
#define MAX_STEPS 50000000L

static int use_set_start = 0;

/* Days from 1970-01-01 to a proleptic Gregorian date. */
static long long days_from_civil(long long y, unsigned m, unsigned d) {
    y -= m <= 2;
    const long long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = (unsigned)(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long long)doe - 719468;
}

static long long seconds_of(struct icaltimetype t) {
    return days_from_civil(t.year, (unsigned)t.month, (unsigned)t.day) * 86400LL + t.hour * 3600LL +
           t.minute * 60LL + t.second;
}

static void format_instant(long long s, char *out) {
    long long days = s >= 0 ? s / 86400 : -((-s + 86399) / 86400);
    long long sod = s - days * 86400;
    long long z = days + 719468;
    const long long era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = (unsigned)(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long long y = (long long)yoe + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    sprintf(out, "%04lld-%02u-%02uT%02lld:%02lld:%02lldZ", y + (m <= 2), m, d, sod / 3600, sod % 3600 / 60, sod % 60);
}

/* Reads exactly n digits. */
static int digits(const char *s, int n, int *value) {
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return 0;
        v = v * 10 + (s[i] - '0');
    }
    *value = v;
    return 1;
}

/* YYYY-MM-DDTHH:MM:SS, with an optional trailing Z when allow_z. */
static int parse_iso(const char *s, int allow_z, struct icaltimetype *out) {
    int y, mo, d, h, mi, se;
    size_t len = strlen(s);
    if (len != 19 && !(allow_z && len == 20 && (s[19] == 'Z' || s[19] == 'z'))) return 0;
    if (!digits(s, 4, &y) || s[4] != '-' || !digits(s + 5, 2, &mo) || s[7] != '-' || !digits(s + 8, 2, &d) ||
        (s[10] != 'T' && s[10] != 't' && s[10] != ' ') || !digits(s + 11, 2, &h) || s[13] != ':' ||
        !digits(s + 14, 2, &mi) || s[16] != ':' || !digits(s + 17, 2, &se))
        return 0;
    if (mo < 1 || mo > 12 || d < 1 || d > icaltime_days_in_month(mo, y) || h > 23 || mi > 59 || se > 59) return 0;
    *out = icaltime_null_time();
    out->year = y; out->month = mo; out->day = d; out->hour = h; out->minute = mi; out->second = se;
    out->zone = icaltimezone_get_utc_timezone();
    return 1;
}

/* YYYYMMDDTHHMMSS with an optional Z: the zone is UTC either way. */
static int parse_basic_utc(const char *s, size_t len, long long *seconds) {
    int y, mo, d, h, mi, se;
    if (len == 16 && (s[15] == 'Z' || s[15] == 'z')) len = 15;
    if (len != 15 || !digits(s, 4, &y) || !digits(s + 4, 2, &mo) || !digits(s + 6, 2, &d) || (s[8] != 'T' && s[8] != 't') ||
        !digits(s + 9, 2, &h) || !digits(s + 11, 2, &mi) || !digits(s + 13, 2, &se))
        return 0;
    if (mo < 1 || mo > 12 || d < 1 || d > icaltime_days_in_month(mo, y) || h > 23 || mi > 59 || se > 59) return 0;
    *seconds = days_from_civil(y, (unsigned)mo, (unsigned)d) * 86400LL + h * 3600LL + mi * 60LL + se;
    return 1;
}

/* The value of a DTSTART or EXDATE line whose parameters, if any, name UTC; NULL otherwise. */
static char *utc_value(char *line) {
    char *colon = strchr(line, ':');
    if (!colon) return NULL;
    char *semicolon = strchr(line, ';');
    if (semicolon && semicolon < colon) {
        *colon = '\0';
        int utc = strcasecmp(semicolon + 1, "TZID=UTC") == 0 || strcasecmp(semicolon + 1, "TZID=Etc/UTC") == 0;
        *colon = ':';
        if (!utc) return NULL;
    }
    return colon + 1;
}

static int starts_with_ci(const char *s, const char *prefix) {
    return strncasecmp(s, prefix, strlen(prefix)) == 0;
}

typedef struct {
    icalrecur_iterator *iterator;
    long long head; /* the next instant > AFTER, or -1 when exhausted */
    long long dtstart;
    int first;
    long steps;
} Stream;

/* The next result of libical's iterator, in seconds since the epoch; -1 at the end. */
static long long next_raw(Stream *stream) {
    struct icaltimetype t = icalrecur_iterator_next(stream->iterator);
    if (icaltime_is_null_time(t)) return -1;
    return seconds_of(t);
}

static void advance(Stream *stream, long long after) {
    while (1) {
        long long s = next_raw(stream);
        if (s < 0) { stream->head = -1; return; }
        if (++stream->steps > MAX_STEPS) { stream->head = -2; return; }
        if (s > after) { stream->head = s; return; }
    }
}

static int compare_ll(const void *a, const void *b) {
    long long x = *(const long long *)a, y = *(const long long *)b;
    return x < y ? -1 : x > y;
}

static void answer(char *line, int write) {
    char *fields[5];
    int n = 0;
    char *cursor = line;
    while (n < 5) {
        fields[n++] = cursor;
        char *tab = strchr(cursor, '\t');
        if (!tab) break;
        *tab = '\0';
        cursor = tab + 1;
    }
    if (n != 5 || strchr(fields[4], '\t')) {
        if (write) printf("ERROR expected 5 TAB-separated fields (TEXT, ZONE, START, AFTER, COUNT), found %d\n", n);
        return;
    }
    if (strcmp(fields[1], "UTC") != 0 && strcmp(fields[1], "Etc/UTC") != 0) {
        if (write) printf("ERROR ical_next handles zone UTC only, not '%s'\n", fields[1]);
        return;
    }
    struct icaltimetype after_time;
    if (!parse_iso(fields[3], 1, &after_time)) {
        if (write) printf("ERROR AFTER '%s' is not YYYY-MM-DDTHH:MM:SSZ\n", fields[3]);
        return;
    }
    long long after = seconds_of(after_time);
    char *end = NULL;
    long count = strtol(fields[4], &end, 10);
    if (*fields[4] == '\0' || *end != '\0' || count < 0) {
        if (write) printf("ERROR COUNT '%s' is not a count\n", fields[4]);
        return;
    }
    struct icaltimetype dtstart = after_time;
    if (strcmp(fields[2], "-") != 0 && !parse_iso(fields[2], 0, &dtstart)) {
        if (write) printf("ERROR START '%s' is not YYYY-MM-DDTHH:MM:SS\n", fields[2]);
        return;
    }

    /* Split TEXT into lines at " | ". */
    char *lines[MAX_RULES * 4];
    int line_count = 0;
    cursor = fields[0];
    while (line_count < MAX_RULES * 4) {
        lines[line_count++] = cursor;
        char *bar = strstr(cursor, " | ");
        if (!bar) break;
        *bar = '\0';
        cursor = bar + 3;
    }
    char *rules[MAX_RULES];
    int rule_count = 0;
    long long exdates[MAX_EXDATES];
    int exdate_count = 0;
    for (int i = 0; i < line_count; i++) {
        char *text = lines[i];
        if (starts_with_ci(text, "EXDATE:") || starts_with_ci(text, "EXDATE;")) {
            char *value = utc_value(text);
            if (!value) {
                if (write) printf("ERROR ical_next reads EXDATE in UTC only: '%s'\n", text);
                return;
            }
            while (1) {
                char *comma = strchr(value, ',');
                size_t len = comma ? (size_t)(comma - value) : strlen(value);
                if (exdate_count == MAX_EXDATES || !parse_basic_utc(value, len, &exdates[exdate_count])) {
                    if (write) printf("ERROR EXDATE '%s' is not a list of YYYYMMDDTHHMMSS[Z]\n", text);
                    return;
                }
                exdate_count++;
                if (!comma) break;
                value = comma + 1;
            }
        } else if (starts_with_ci(text, "DTSTART:") || starts_with_ci(text, "DTSTART;")) {
            long long seconds;
            char *value = utc_value(text);
            if (!value || !parse_basic_utc(value, strlen(value), &seconds)) {
                if (write) printf("ERROR DTSTART '%s' is not YYYYMMDDTHHMMSS[Z] in UTC\n", text);
                return;
            }
            char iso[32];
            format_instant(seconds, iso);
            iso[19] = '\0';
            parse_iso(iso, 0, &dtstart);
        } else if (starts_with_ci(text, "RRULE:")) {
            if (rule_count == MAX_RULES) { if (write) printf("ERROR too many rules\n"); return; }
            rules[rule_count++] = text + 6;
        } else if (strchr(text, ':') == NULL) {
            if (rule_count == MAX_RULES) { if (write) printf("ERROR too many rules\n"); return; }
            rules[rule_count++] = text;
        } else {
            if (write) printf("ERROR unsupported line '%s'\n", text);
            return;
        }
    }
    if (rule_count == 0) {
        if (write) printf("ERROR no RRULE\n");
        return;
    }
    qsort(exdates, (size_t)exdate_count, sizeof exdates[0], compare_ll);

    Stream streams[MAX_RULES];
    for (int r = 0; r < rule_count; r++) {
        /* RFC 5545 section 2: names and values are case-insensitive; libical's parser is not. */
        for (char *c = rules[r]; *c; c++) *c = (char)toupper((unsigned char)*c);
        icalerror_clear_errno();
        struct icalrecurrencetype recur = icalrecurrencetype_from_string(rules[r]);
        if (recur.freq == ICAL_NO_RECURRENCE || icalerrno != ICAL_NO_ERROR) {
            if (write) printf("ERROR libical rejects '%s': %s\n", rules[r], icalerror_strerror(icalerrno));
            for (int k = 0; k < r; k++) icalrecur_iterator_free(streams[k].iterator);
            icalerror_clear_errno();
            return;
        }
        icalrecur_iterator *it = icalrecur_iterator_new(recur, dtstart);
        if (!it) {
            if (write) printf("ERROR libical cannot iterate '%s': %s\n", rules[r], icalerror_strerror(icalerrno));
            for (int k = 0; k < r; k++) icalrecur_iterator_free(streams[k].iterator);
            icalerror_clear_errno();
            return;
        }
        streams[r].iterator = it;
        streams[r].dtstart = seconds_of(dtstart);
        streams[r].steps = 0;
        /* libical 3.0.16 moves an unsynchronised DTSTART to the rule's first instance, as
         * python-dateutil does, so the first result needs no special treatment. */
        long long first = next_raw(&streams[r]);
        if (first == -1) {
            streams[r].head = -1;
        } else {
            if (use_set_start && recur.count == 0 && after > streams[r].dtstart + 86400) {
                struct icaltimetype jump;
                char iso[32];
                format_instant(after - 3 * 86400 > streams[r].dtstart ? after - 3 * 86400 : streams[r].dtstart, iso);
                iso[19] = '\0';
                parse_iso(iso, 0, &jump);
                icalrecur_iterator_set_start(it, jump);
                first = -3;
            }
            if (first > after) streams[r].head = first;
            else advance(&streams[r], after);
        }
        if (recur.rscale) free(recur.rscale);
    }

    long long last = -1;
    long written = 0;
    int exdate_index = 0;
    int gave_up = 0;
    char buffer[32];
    while (written < count) {
        int best = -1;
        for (int r = 0; r < rule_count; r++) {
            if (streams[r].head == -2) gave_up = 1;
            if (streams[r].head < 0) continue;
            if (best < 0 || streams[r].head < streams[best].head) best = r;
        }
        if (best < 0) break;
        long long s = streams[best].head;
        advance(&streams[best], s);
        if (s == last) continue;
        last = s;
        while (exdate_index < exdate_count && exdates[exdate_index] < s) exdate_index++;
        if (exdate_index < exdate_count && exdates[exdate_index] == s) continue;
        if (write) {
            format_instant(s, buffer);
            if (written > 0) putchar(' ');
            fputs(buffer, stdout);
        }
        written++;
    }
    for (int r = 0; r < rule_count; r++) icalrecur_iterator_free(streams[r].iterator);
    if (write) {
        if (gave_up && written < count) printf("%sERROR gave up after %ld steps", written ? " " : "", MAX_STEPS);
        putchar('\n');
    }
}

int main(int argc, char **argv) {
    long repeat = 1;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--set-start") == 0) use_set_start = 1;
        else if (strcmp(argv[i], "--repeat") == 0 && i + 1 < argc) repeat = strtol(argv[++i], NULL, 10);
        else { fprintf(stderr, "usage: ical_next [--set-start] [--repeat N] < batch\n"); return 2; }
    }
    static char line[MAX_LINE], copy[MAX_LINE];
    while (fgets(line, sizeof line, stdin)) {
        size_t len = strlen(line);
        while (len && (line[len - 1] == '\n' || line[len - 1] == '\r')) line[--len] = '\0';
        for (long k = 1; k < repeat; k++) {
            memcpy(copy, line, len + 1);
            answer(copy, 0);
        }
        answer(line, 1);
        fflush(stdout);
    }
    return 0;
}
