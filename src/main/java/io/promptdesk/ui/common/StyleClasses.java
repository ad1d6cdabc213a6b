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

    private StyleClasses() {
    }
}
