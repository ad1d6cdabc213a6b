package io.promptdesk.cli;

import io.promptdesk.engine.pipeline.PipelineReport;
import io.promptdesk.files.OwnerOnly;
import io.promptdesk.json.Json;
import io.promptdesk.model.BadInputException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a pipeline run's three reports into one folder: JSON, JUnit XML and self-contained HTML. */
final class PipelineReports {
    static final String JSON = "pipeline-report.json";
    static final String JUNIT = "pipeline-junit.xml";
    static final String HTML = "pipeline-report.html";

    private final Path dir;
    private final String suite;

    PipelineReports(Path dir, String suite) {
        this.dir = dir;
        this.suite = suite;
    }

    void write(PipelineReport report) {
        try {
            OwnerOnly.createDirectories(dir);
            OwnerOnly.createFile(dir.resolve(JSON));
            OwnerOnly.restrict(dir.resolve(JSON));
            Files.writeString(dir.resolve(JSON), Json.pretty(report) + "\n", StandardCharsets.UTF_8);
            new PipelineJUnitReport(suite).write(report, dir.resolve(JUNIT));
            OwnerOnly.createFile(dir.resolve(HTML));
            OwnerOnly.restrict(dir.resolve(HTML));
            Files.writeString(dir.resolve(HTML), new PipelineHtmlReport(suite).render(report),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException(dir + ": cannot write the pipeline reports: " + e.getMessage(), e);
        }
    }
}
