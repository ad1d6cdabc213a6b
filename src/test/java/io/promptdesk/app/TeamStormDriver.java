package io.promptdesk.app;

import io.promptdesk.connections.StoreSettings;
import io.promptdesk.engine.rollback.RollbackController;
import io.promptdesk.engine.rollback.RollbackResult;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One desk of {@link TeamStoreDesksTest}: a process of its own with the engines on the team store (password from
 * $PGPASSWORD, as a desk would have it). It prints READY, waits for a line on stdin so that every desk fires at once,
 * then triggers {@code perModel} concurrent rollbacks of each model and prints one line per result:
 * {@code RESULT model rollback_id status millis}.
 */
public final class TeamStormDriver {
    private TeamStormDriver() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String[] models = args[1].split(",");
        int perModel = Integer.parseInt(args[2]);
        String desk = args[3];
        Path workspace = Files.createTempDirectory("promptdesk-desk-");
        try (Engines engines = Engines.open(Engines.Config.of(workspace).withActor(desk)
                .withStore(new StoreSettings(StoreSettings.POSTGRESQL, url, "postgres", null, null)))) {
            RollbackController controller = engines.rollbackController();
            System.out.println("READY");
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            ExecutorService pool = Executors.newFixedThreadPool(models.length * perModel);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<String>> results = new ArrayList<>();
            for (String model : models) {
                for (int i = 0; i < perModel; i++) {
                    String who = desk + "-" + i;
                    results.add(pool.submit(() -> {
                        go.await();
                        long t0 = System.nanoTime();
                        RollbackResult r = controller.triggerRollback(model, "1.1", null, "error storm", who, false);
                        long ms = (System.nanoTime() - t0) / 1_000_000;
                        return "RESULT " + model + " " + r.rollbackId() + " " + r.status().name().toLowerCase() + " "
                                + ms;
                    }));
                }
            }
            go.countDown();
            for (Future<String> f : results) {
                String line;
                try {
                    line = f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    line = "ERROR " + e.getCause();
                }
                System.out.println(line);
            }
            pool.shutdownNow();
        }
        System.out.flush();
    }
}
