package io.promptdesk.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.promptdesk.json.Json;
import io.promptdesk.model.TestReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The recent test runs of a workspace, newest first, so a later run can be compared with an earlier one.
 * The Author workspace records every complete run; the Regression workspace lists them. Optionally kept in a
 * small JSON file in the workspace's {@code .promptdesk} folder. Thread-safe; listeners run on the thread that
 * recorded the run.
 */
public final class RunHistory {

    public static final int LIMIT = 50;
    private static final Logger LOG = LoggerFactory.getLogger(RunHistory.class);

    private final Path store;
    private final Clock clock;
    private final List<RecordedRun> runs = new ArrayList<>();
    private final List<Consumer<List<RecordedRun>>> listeners = new CopyOnWriteArrayList<>();

    /** @param store the JSON file to load from and save to, or null to keep the history in memory only */
    public RunHistory(Path store, Clock clock) {
        this.store = store;
        this.clock = clock;
        if (store != null) {
            runs.addAll(load(store));
        }
    }

    public static RunHistory inMemory(Clock clock) {
        return new RunHistory(null, clock);
    }

    public static RunHistory forWorkspace(Path workspace, Clock clock) {
        return new RunHistory(workspace.resolve(".promptdesk").resolve("run-history.json"), clock);
    }

    /** Records a finished run of {@code template}, stamped with the clock's time, and tells the listeners. */
    public RecordedRun record(String template, TestReport report) {
        RecordedRun run = RecordedRun.of(template, clock.instant(), report);
        List<RecordedRun> snapshot;
        synchronized (runs) {
            runs.add(0, run);
            if (runs.size() > LIMIT) {
                runs.subList(LIMIT, runs.size()).clear();
            }
            snapshot = List.copyOf(runs);
        }
        if (store != null) {
            save(store, snapshot);
        }
        for (Consumer<List<RecordedRun>> l : listeners) {
            l.accept(snapshot);
        }
        return run;
    }

    /** The runs, newest first. */
    public List<RecordedRun> runs() {
        synchronized (runs) {
            return List.copyOf(runs);
        }
    }

    /** Called with the new list after each recorded run. */
    public void addListener(Consumer<List<RecordedRun>> listener) {
        listeners.add(listener);
    }

    private static List<RecordedRun> load(Path store) {
        if (!Files.isRegularFile(store)) {
            return List.of();
        }
        try {
            List<RecordedRun> out = new ArrayList<>();
            for (JsonNode n : Json.mapper().readTree(store.toFile())) {
                JsonNode times = n.path("case_millis");
                double[] millis = new double[times.size()];
                for (int i = 0; i < millis.length; i++) {
                    millis[i] = times.get(i).asDouble();
                }
                out.add(new RecordedRun(n.path("template").asText(), Instant.parse(n.path("finished_at").asText()),
                        n.path("passed").asInt(), n.path("failed").asInt(), millis));
            }
            return out.size() > LIMIT ? out.subList(0, LIMIT) : out;
        } catch (IOException | DateTimeParseException e) {
            // The history only helps comparisons; an unreadable file must not stop the console.
            LOG.warn("ignoring unreadable run history {}: {}", store, e.getMessage());
            return List.of();
        }
    }

    private static void save(Path store, List<RecordedRun> runs) {
        ArrayNode array = Json.mapper().createArrayNode();
        for (RecordedRun r : runs) {
            ObjectNode n = array.addObject();
            n.put("template", r.template());
            n.put("finished_at", r.finishedAt().toString());
            n.put("passed", r.passed());
            n.put("failed", r.failed());
            ArrayNode times = n.putArray("case_millis");
            for (double t : r.caseMillis()) {
                times.add(t);
            }
        }
        try {
            Files.createDirectories(store.getParent());
            Json.mapper().writeValue(store.toFile(), array);
        } catch (IOException e) {
            LOG.warn("cannot store the run history in {}: {}", store, e.getMessage());
        }
    }
}
