package io.promptdesk.cli;

import io.promptdesk.engine.pipeline.PipelineReport;
import io.promptdesk.engine.pipeline.PipelineStep;
import io.promptdesk.engine.pipeline.StepResult;
import io.promptdesk.engine.rollback.RollbackResult;
import io.promptdesk.engine.stats.RegressionResult;
import io.promptdesk.model.CaseResult;

import java.util.Locale;

/**
 * A pipeline run as one self-contained HTML page: the steps, the distributions the regression gate compared, the
 * rollout's stages, the rollback and every case. Styles and charts are inline; nothing is fetched.
 */
final class PipelineHtmlReport {
    private static final String STYLE = "body{font:14px/1.45 system-ui,sans-serif;margin:24px;color:#222;"
            + "max-width:980px}h1{font-size:20px}h2{font-size:16px;margin-top:28px}table{border-collapse:collapse;"
            + "width:100%}td,th{border-bottom:1px solid #ddd;padding:4px 8px;text-align:left;vertical-align:top}"
            + ".passed,.deployed,.started,.rolling_out{color:#1a7f37}.failed,.rolled_back{color:#c62828}"
            + ".skipped,.running{color:#777}.badge{font-weight:600;text-transform:uppercase}"
            + "svg{max-width:100%;height:auto;border:1px solid #eee}code{background:#f4f4f4;padding:1px 4px}";

    private final String suite;

    PipelineHtmlReport(String suite) {
        this.suite = suite;
    }

    String render(PipelineReport r) {
        StringBuilder h = new StringBuilder(16_384);
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>PromptDesk pipeline ")
                .append(e(r.deploymentName() + " " + r.version())).append("</title><style>").append(STYLE)
                .append("</style></head><body>");
        h.append("<h1>Pipeline ").append(e(r.pipelineId())).append(": ").append(e(r.deploymentName())).append(' ')
                .append(e(r.version())).append(" <span class=\"badge ").append(r.status().key()).append("\">")
                .append(e(r.status().key())).append("</span></h1><p>").append(e(r.message())).append("</p><p>")
                .append("Template <code>").append(e(suite)).append("</code>, started ").append(e(r.startedAt()))
                .append(", ended ").append(e(r.endedAt())).append(".</p>");
        steps(h, r);
        regression(h, r);
        h.append("<h2>Rollout stages</h2>").append(SvgCharts.rolloutStages(r.rolloutEvents()));
        if (r.rollout() != null) {
            h.append("<p>Rollout <code>").append(e(r.rollout().rolloutId())).append("</code>: ")
                    .append(e(r.rollout().status().key())).append(" at ").append(r.rollout().currentPercentage())
                    .append("% of traffic, stages ").append(e(String.valueOf(r.rollout().stages()))).append(".</p>");
        }
        rollback(h, r.rollback());
        cases(h, r);
        return h.append("</body></html>\n").toString();
    }

    private static void steps(StringBuilder h, PipelineReport r) {
        h.append("<h2>Steps</h2><table><tr><th>Step</th><th>Status</th><th>Result</th></tr>");
        for (PipelineStep step : PipelineStep.values()) {
            StepResult s = r.step(step).orElse(null);
            String status = s == null ? "skipped" : s.status().key();
            String text = s == null ? "not reached" : s.summary();
            h.append("<tr><td>").append(step.key()).append("</td><td class=\"").append(status).append("\">")
                    .append(status).append("</td><td>").append(e(text)).append("</td></tr>");
        }
        h.append("</table>");
    }

    private static void regression(StringBuilder h, PipelineReport r) {
        h.append("<h2>Per-case execution time: baseline and current</h2>")
                .append(SvgCharts.distributions(r.baselineMs(), r.currentMs()));
        RegressionResult g = r.detectRegression();
        if (g == null) {
            h.append("<p>The regression gate did not compare").append(r.baselineSource() == null ? "."
                    : " (baseline: " + e(r.baselineSource()) + ").").append("</p>");
            return;
        }
        h.append(String.format(Locale.ROOT, "<p>Baseline: %s. Regression detected: <b>%s</b>; p-value %s, effect "
                        + "size (Cohen's d) %s, difference of means %s to %s ms.</p><p>%s</p>", e(r.baselineSource()),
                g.regressionDetected() ? "yes" : "no", SvgCharts.fmt(g.pValue()), SvgCharts.fmt(g.effectSize()),
                SvgCharts.fmt(g.confidenceInterval().lower()), SvgCharts.fmt(g.confidenceInterval().upper()),
                e(g.recommendation())));
    }

    private static void rollback(StringBuilder h, RollbackResult b) {
        h.append("<h2>Rollback</h2>");
        if (b == null) {
            h.append("<p>No rollback.</p>");
            return;
        }
        h.append("<p>Rollback <code>").append(e(b.rollbackId())).append("</code>: <span class=\"")
                .append(b.status().key().equals("success") ? "passed" : "failed").append("\">")
                .append(e(b.status().key())).append("</span>, ").append(e(b.fromVersion())).append(" &rarr; ")
                .append(e(b.toVersion())).append(" in ").append(b.durationSeconds() == null ? "-"
                        : SvgCharts.fmt(b.durationSeconds())).append(" s, SLA met: ").append(b.slaMet())
                .append(". Reason: ").append(e(b.reason())).append(b.error() == null ? "" : ". " + e(b.error()))
                .append("</p>");
    }

    private static void cases(StringBuilder h, PipelineReport r) {
        h.append("<h2>Test cases</h2>");
        if (r.runTests() == null) {
            h.append("<p>No test run.</p>");
            return;
        }
        h.append("<p>").append(r.runTests().passedTests()).append(" of ").append(r.runTests().totalTests())
                .append(" passed.</p><table><tr><th>#</th><th>Result</th><th>Time (ms)</th><th>Problem</th></tr>");
        for (CaseResult c : r.runTests().testCaseResults()) {
            String problem = c.error() != null ? c.error()
                    : c.findings().isEmpty() ? "" : c.findings().get(0).toString();
            h.append("<tr><td>").append(c.caseIndex()).append("</td><td class=\"")
                    .append(c.passed() ? "passed\">passed" : "failed\">failed").append("</td><td>")
                    .append(SvgCharts.fmt(c.executionTime() * 1000)).append("</td><td>").append(e(problem))
                    .append("</td></tr>");
        }
        h.append("</table>");
    }

    private static String e(String s) {
        return HtmlText.escape(s);
    }
}
