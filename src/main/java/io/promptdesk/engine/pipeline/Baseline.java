package io.promptdesk.engine.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.promptdesk.engine.stats.SampleFiles;
import io.promptdesk.json.Json;
import io.promptdesk.model.BadInputException;
import io.promptdesk.registry.ModelRegistry;
import io.promptdesk.registry.ModelVersion;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the regression gate's baseline comes from: per-case execution times in milliseconds. The default reads the
 * run recorded with the deployment's production version in the registry (the pipeline registers every version with
 * its test report); a file or fixed values serve CI jobs that keep their own.
 */
public interface Baseline {

    /** The baseline per-case times in ms, or empty when there is none to compare with. */
    Optional<double[]> values(ModelRegistry registry, String deployment);

    /** Where the values come from, for the report. */
    String describe();

    /** The test run recorded with the production version of the deployment. */
    static Baseline production() {
        return new Baseline() {
            @Override
            public Optional<double[]> values(ModelRegistry registry, String deployment) {
                if (registry.models().stream().noneMatch(m -> m.name().equals(deployment))) {
                    return Optional.empty();
                }
                return registry.resolve(deployment, ModelRegistry.PRODUCTION).map(ModelVersion::testReport)
                        .flatMap(Baseline::caseMillis);
            }

            @Override
            public String describe() {
                return "the production version's recorded test run";
            }
        };
    }

    /** Fixed values (ms). */
    static Baseline of(String label, double... millis) {
        double[] copy = millis.clone();
        return new Baseline() {
            @Override
            public Optional<double[]> values(ModelRegistry registry, String deployment) {
                return Optional.of(copy.clone());
            }

            @Override
            public String describe() {
                return label;
            }
        };
    }

    /** A sample file (JSON array, one number per line, or CSV) of per-case times in ms, read now. */
    static Baseline file(Path file) {
        return of("file " + file.getFileName(), SampleFiles.read(file, null, false).values());
    }

    /** The execution times of a stored test report, in ms; empty when it has none. */
    static Optional<double[]> caseMillis(String testReportJson) {
        if (testReportJson == null || testReportJson.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode cases = Json.mapper().readTree(testReportJson).path("test_case_results");
            double[] out = new double[cases.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = cases.get(i).path("execution_time").asDouble() * 1000;
            }
            return out.length == 0 ? Optional.empty() : Optional.of(out);
        } catch (JsonProcessingException e) {
            throw new BadInputException("the production version's recorded test report is not JSON: "
                    + e.getOriginalMessage());
        }
    }
}
