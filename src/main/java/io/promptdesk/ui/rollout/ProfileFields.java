package io.promptdesk.ui.rollout;

import io.promptdesk.metrics.BehaviourProfile;
import io.promptdesk.model.BadInputException;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Locale;

/**
 * One version's behaviour profile as editable text, in the units people use: latency median and p95 in
 * milliseconds, error and engagement rates in percent.
 */
public final class ProfileFields {
    private final StringProperty medianMs = new SimpleStringProperty("");
    private final StringProperty p95Ms = new SimpleStringProperty("");
    private final StringProperty errorPercent = new SimpleStringProperty("");
    private final StringProperty engagementPercent = new SimpleStringProperty("");

    void load(BehaviourProfile p) {
        medianMs.set(p == null ? "" : number(p.latencyMedianSeconds() * 1000));
        p95Ms.set(p == null ? "" : number(p.latencyP95Seconds() * 1000));
        errorPercent.set(p == null ? "" : number(p.errorRate() * 100));
        engagementPercent.set(p == null ? "" : number(p.engagementRate() * 100));
    }

    /** @throws BadInputException naming the field that is not a number, or what the profile does not allow */
    BehaviourProfile toProfile(String version) {
        return new BehaviourProfile(parse(version, "latency median", medianMs) / 1000,
                parse(version, "latency p95", p95Ms) / 1000, parse(version, "error rate", errorPercent) / 100,
                parse(version, "engagement rate", engagementPercent) / 100);
    }

    private static double parse(String version, String what, StringProperty field) {
        String text = field.get() == null ? "" : field.get().strip().replace("%", "");
        try {
            double v = Double.parseDouble(text);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below with the field's name
        }
        throw new BadInputException(version + " " + what + ": '" + text + "' is not a number");
    }

    private static String number(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    public StringProperty medianMsProperty() {
        return medianMs;
    }

    public StringProperty p95MsProperty() {
        return p95Ms;
    }

    public StringProperty errorPercentProperty() {
        return errorPercent;
    }

    public StringProperty engagementPercentProperty() {
        return engagementPercent;
    }
}
