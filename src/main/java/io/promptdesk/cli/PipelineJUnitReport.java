package io.promptdesk.cli;

import io.promptdesk.files.OwnerOnly;
import io.promptdesk.engine.pipeline.PipelineReport;
import io.promptdesk.engine.pipeline.PipelineStep;
import io.promptdesk.engine.pipeline.StepResult;
import io.promptdesk.engine.pipeline.StepStatus;
import io.promptdesk.model.CaseResult;
import io.promptdesk.model.Finding;
import io.promptdesk.model.BadInputException;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * A pipeline run as JUnit XML: one test per case (classname {@code promptdesk.<suite>.cases}) and one per gate
 * (classname {@code promptdesk.<suite>.pipeline}: run_tests, detect_regression, register_version, rollout, rollback),
 * failed, skipped or passed as the step ended; a step never reached is skipped, saying so.
 */
final class PipelineJUnitReport {
    private final String suite;

    PipelineJUnitReport(String suite) {
        this.suite = suite;
    }

    void write(PipelineReport r, Path file) {
        List<CaseResult> cases = r.runTests() == null ? List.of() : r.runTests().testCaseResults();
        int gates = PipelineStep.values().length;
        long failures = cases.stream().filter(c -> !c.passed()).count()
                + r.steps().stream().filter(s -> s.status() == StepStatus.FAILED).count();
        long skipped = gates - r.steps().stream().filter(s -> s.status() != StepStatus.SKIPPED).count();
        try {
            // Reports name who did what and why: owner-only, whatever the umask.
            OwnerOnly.createFile(file);
            OwnerOnly.restrict(file);
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot write the report: " + e.getMessage(), e);
        }
        try (OutputStream os = Files.newOutputStream(file)) {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(os, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("testsuite");
            w.writeAttribute("name", "promptdesk." + suite + ".pipeline");
            w.writeAttribute("tests", Integer.toString(cases.size() + gates));
            w.writeAttribute("failures", Long.toString(failures));
            w.writeAttribute("errors", "0");
            w.writeAttribute("skipped", Long.toString(skipped));
            w.writeAttribute("timestamp", r.startedAt());
            for (CaseResult c : cases) {
                testcase(w, "cases", "case " + c.caseIndex(), c.executionTime());
                if (!c.passed()) {
                    StringBuilder body = new StringBuilder(c.error() == null ? "" : c.error() + "\n");
                    for (Finding f : c.findings()) {
                        body.append(f.rule()).append(": ").append(f).append('\n');
                    }
                    child(w, "failure", c.error() != null ? c.error() : "case " + c.caseIndex() + " failed",
                            body.toString());
                }
                w.writeEndElement();
            }
            for (PipelineStep step : PipelineStep.values()) {
                StepResult s = r.step(step).orElse(null);
                testcase(w, "pipeline", step.key(), s == null ? 0 : seconds(s));
                if (s == null) {
                    child(w, "skipped", "not reached: the pipeline stopped at " + r.failedStep().key(), null);
                } else if (s.status() == StepStatus.FAILED) {
                    child(w, "failure", s.summary(), s.summary());
                } else if (s.status() == StepStatus.SKIPPED) {
                    child(w, "skipped", s.summary(), null);
                } else if (s.summary() != null) {
                    w.writeStartElement("system-out");
                    w.writeCharacters(s.status().key() + ": " + s.summary());
                    w.writeEndElement();
                }
                w.writeEndElement();
            }
            w.writeStartElement("system-out");
            w.writeCharacters(r.status().key() + ": " + r.message());
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (IOException | XMLStreamException e) {
            throw new BadInputException(file + ": cannot write the JUnit XML report: " + e.getMessage(), e);
        }
    }

    private void testcase(XMLStreamWriter w, String group, String name, double seconds) throws XMLStreamException {
        w.writeStartElement("testcase");
        w.writeAttribute("classname", "promptdesk." + suite + "." + group);
        w.writeAttribute("name", name);
        w.writeAttribute("time", String.format(Locale.ROOT, "%.6f", seconds));
    }

    private static void child(XMLStreamWriter w, String element, String message, String body)
            throws XMLStreamException {
        w.writeStartElement(element);
        String m = message == null ? "" : message;
        w.writeAttribute("message", m.length() > 500 ? m.substring(0, 500) + "..." : m);
        if (body != null) {
            w.writeCharacters(body);
        }
        w.writeEndElement();
    }

    private static double seconds(StepResult s) {
        if (s.endedAt() == null) {
            return 0;
        }
        return Duration.between(s.startedAt(), s.endedAt()).toNanos() / 1e9;
    }
}
