package io.promptdesk.ui.common;

/** Every style class of ours, defined once; {@code theme.css} styles them with AtlantaFX colour tokens. */
public final class StyleClasses {

    /** Editor spans. */
    public static final String PLACEHOLDER = "placeholder";
    public static final String ESCAPE = "escape";
    public static final String SYNTAX_ERROR = "syntax-error";
    public static final String TEMPLATE_EDITOR = "template-editor";
    public static final String ERROR_POPUP = "error-popup";

    /** Badges. */
    public static final String BADGE = "badge";
    public static final String BADGE_PASS = "badge-pass";
    public static final String BADGE_WARN = "badge-warn";
    public static final String BADGE_FAIL = "badge-fail";
    public static final String DIALECT_BADGE = "dialect-badge";

    /** Rollout workspace (styled by ui/rollout/rollout.css; the stage timeline has its own stylesheet). */
    public static final String ROLLOUT_WORKSPACE = "rollout-workspace";
    public static final String ROLLOUT_TITLE = "rollout-title";
    /** A rollout's status badge; the status is a pseudo-class: in_progress, paused, completed ... */
    public static final String ROLLOUT_STATUS = "rollout-status";
    public static final String ROLLOUT_LIST = "rollout-list";
    public static final String ROLLOUT_SIDE = "rollout-side";
    public static final String HEALTH_CHART = "health-chart";
    /** A health verdict text; the outcome is a pseudo-class: healthy, inconclusive, unhealthy. */
    public static final String HEALTH_VERDICT = "health-verdict";
    public static final String LAST_CHECK = "last-check";
    public static final String FORM_PROBLEM = "form-problem";
    /** ChartFX dataset classes of the health charts. */
    public static final String SERIES_CANARY = "canary";
    public static final String SERIES_STABLE = "stable";
    public static final String SERIES_THRESHOLD = "threshold";

    /** Panels and lists. */
    public static final String PANEL = "panel";
    public static final String PANEL_TITLE = "panel-title";
    public static final String PROBLEMS = "problems";
    public static final String PROBLEM_LOCATION = "problem-location";
    public static final String PREVIEW = "preview";
    public static final String NOTE = "note";
    public static final String MISSING_VALUE = "missing-value";
    public static final String VARIABLE_OK = "variable-ok";
    public static final String VARIABLE_MISSING = "variable-missing";
    public static final String RESULT_PASS = "result-pass";
    public static final String RESULT_FAIL = "result-fail";
    public static final String RESULT_WARN = "result-warn";
    public static final String METRICS = "metrics";
    public static final String RUN_SUMMARY = "run-summary";

    /** Main window. */
    public static final String NAVIGATION = "workspace-nav";
    public static final String NAVIGATION_ITEM = "workspace-nav-item";
    public static final String TOOLBAR_TITLE = "toolbar-title";

    /** Regression workspace. */
    public static final String REGRESSION_WORKSPACE = "regression-workspace";
    public static final String REGRESSION_CHART = "regression-chart";
    public static final String CHART_PANE = "chart-pane";
    public static final String SAMPLE_SLOT = "sample-slot";
    public static final String SLOT_ERROR = "slot-error";
    public static final String VERDICT = "verdict";
    public static final String VERDICT_HEADLINE = "verdict-headline";
    public static final String VERDICT_REGRESSION = "verdict-regression";
    public static final String VERDICT_OK = "verdict-ok";
    public static final String VERDICT_WAITING = "verdict-waiting";
    public static final String VERDICT_FAILED = "verdict-failed";
    public static final String VERDICT_LABEL = "verdict-label";
    public static final String VERDICT_VALUE = "verdict-value";
    public static final String VERDICT_WARNING = "verdict-warning";
    public static final String LEGEND_SWATCH = "legend-swatch";
    public static final String LEGEND_BASELINE = "legend-baseline";
    public static final String LEGEND_CURRENT = "legend-current";

    private StyleClasses() {
    }
}
