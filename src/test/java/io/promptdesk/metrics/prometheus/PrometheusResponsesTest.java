package io.promptdesk.metrics.prometheus;

import io.promptdesk.remote.HttpReply;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The API's JSON as documented: strings for values, special tokens, result types, the error envelope. */
class PrometheusResponsesTest {

    private static QueryResult parse(int status, String body) {
        return PrometheusResponses.parse(new HttpReply(status, "application/json", body, 1, Duration.ZERO), "P");
    }

    @Test
    void matrixValuesAreReadFromStringsWithTheirSpecialTokens() {
        QueryResult r = parse(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":["
                + "{\"metric\":{\"job\":\"api\",\"version\":\"v2\"},\"values\":[[1718600000,\"0.012\"],"
                + "[1718600015.5,\"NaN\"],[1718600030,\"+Inf\"],[1718600045,\"-Inf\"],[1718600060,\"1e-07\"],"
                + "[1718600075,\"-0\"]]}]},\"warnings\":[\"slow\"]}");
        PromSeries s = r.series().get(0);
        assertThat(s.labels()).containsEntry("version", "v2");
        assertThat(s.times()).containsExactly(1718600000, 1718600015.5, 1718600030, 1718600045, 1718600060,
                1718600075);
        assertThat(s.values()).containsExactly(0.012, Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, 1e-07, -0.0);
        assertThat(s.finiteValues()).containsExactly(0.012, 1e-07, -0.0);
        assertThat(r.warnings()).containsExactly("slow");
    }

    @Test
    void anEmptyResultIsNoData() {
        QueryResult r = parse(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[]}}");
        assertThat(r.isEmpty()).isTrue();
        assertThat(r.singleValue("q")).isNaN();
    }

    @Test
    void valuesJavaWouldAcceptButPrometheusNeverWritesAreRefused() {
        for (String bad : new String[]{"\"Infinity\"", "\"0x1p3\"", "0.5", "\"\""}) {
            assertThatThrownBy(() -> parse(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\","
                    + "\"result\":[{\"metric\":{},\"value\":[1,"  + bad + "]}]}}"))
                    .isInstanceOf(PrometheusQueryException.class)
                    .hasMessageStartingWith("P sent an unreadable sample");
        }
    }

    @Test
    void theErrorEnvelopeWinsOverTheHttpStatus() {
        assertThatThrownBy(() -> parse(422, "{\"status\":\"error\",\"errorType\":\"execution\","
                + "\"error\":\"many-to-many matching not allowed\"}"))
                .hasMessage("P failed the query (execution, HTTP 422): many-to-many matching not allowed");
        assertThatThrownBy(() -> parse(503, "{\"status\":\"error\",\"errorType\":\"timeout\",\"error\":\"query timed out\"}"))
                .hasMessageContaining("shorten the window");
    }

    @Test
    void aStringResultIsNotAHealthValue() {
        assertThatThrownBy(() -> parse(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"string\","
                + "\"result\":[1,\"x\"]}}")).hasMessageContaining("result of type 'string'");
    }
}
