package io.promptdesk.cli;

import io.promptdesk.files.OwnerOnly;
import io.promptdesk.model.BadInputException;
import io.promptdesk.model.CaseResult;
import io.promptdesk.model.Finding;
import io.promptdesk.model.RuleResult;
import io.promptdesk.model.TestReport;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** JUnit XML for CI dashboards: one test per case and one per rule. */
final class JUnitXmlReport {
    private final String suite;

    JUnitXmlReport(String suite) {
        this.suite = suite;
    }

    void write(TestReport r, Path file) {
        int ruleFailures = (int) r.validationResults().values().stream().filter(v -> !v.passed()).count();
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
            w.writeAttribute("name", "promptdesk." + suite);
            w.writeAttribute("tests", Integer.toString(r.totalTests() + r.validationResults().size()));
            w.writeAttribute("failures", Integer.toString(r.failedTests() + ruleFailures));
            w.writeAttribute("errors", "0");
            w.writeAttribute("time", seconds(r.performanceMetrics().totalExecutionTime()));
            for (Map.Entry<String, RuleResult> e : r.validationResults().entrySet()) {
                w.writeStartElement("testcase");
                w.writeAttribute("classname", "promptdesk." + suite + ".rules");
                w.writeAttribute("name", e.getKey());
                w.writeAttribute("time", "0");
                if (!e.getValue().passed()) {
                    failure(w, e.getKey() + " failed", e.getValue().details());
                }
                w.writeEndElement();
            }
            for (CaseResult c : r.testCaseResults()) {
                w.writeStartElement("testcase");
                w.writeAttribute("classname", "promptdesk." + suite + ".cases");
                w.writeAttribute("name", "case " + c.caseIndex());
                w.writeAttribute("time", seconds(c.executionTime()));
                if (!c.passed()) {
                    StringBuilder body = new StringBuilder(c.error() == null ? "" : c.error() + "\n");
                    for (Finding f : c.findings()) {
                        body.append(f.rule()).append(": ").append(f).append('\n');
                    }
                    failure(w, c.error() != null ? c.error() : "case " + c.caseIndex() + " failed", body.toString());
                }
                w.writeEndElement();
            }
            if (!r.errors().isEmpty()) {
                w.writeStartElement("system-err");
                w.writeCharacters(String.join("\n", r.errors()));
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (IOException | XMLStreamException e) {
            throw new BadInputException(file + ": cannot write the JUnit XML report: " + e.getMessage(), e);
        }
    }

    private static void failure(XMLStreamWriter w, String message, String body) throws XMLStreamException {
        w.writeStartElement("failure");
        w.writeAttribute("message", message.length() > 500 ? message.substring(0, 500) + "..." : message);
        w.writeCharacters(body);
        w.writeEndElement();
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.6f", s);
    }
}
