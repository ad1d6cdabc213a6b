package io.promptdesk.app.history;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Which rows the History table shows: a model, a status, who (part of the name, any case) and a date range of
 * the start, inclusive, in the person's time zone. A null or blank criterion lets every row through.
 */
public record HistoryFilter(String model, String status, String who, LocalDate from, LocalDate to, ZoneId zone)
        implements Predicate<HistoryRow> {
    public static final String ALL = "all";

    @Override
    public boolean test(HistoryRow r) {
        if (set(model) && !model.equals(r.model())) {
            return false;
        }
        if (set(status) && !status.equals(r.status())) {
            return false;
        }
        if (who != null && !who.isBlank() && (r.triggeredBy() == null
                || !r.triggeredBy().toLowerCase(Locale.ROOT).contains(who.strip().toLowerCase(Locale.ROOT)))) {
            return false;
        }
        LocalDate day = r.startTime() == null ? null : r.startTime().atZone(zone).toLocalDate();
        if (from != null && (day == null || day.isBefore(from))) {
            return false;
        }
        return to == null || (day != null && !day.isAfter(to));
    }

    private static boolean set(String v) {
        return v != null && !v.isBlank() && !ALL.equals(v);
    }
}
