package io.promptdesk.app;

import io.promptdesk.connections.StoreSettings;
import io.promptdesk.engine.rollout.GradualRolloutManager;
import io.promptdesk.engine.rollout.Rollout;
import io.promptdesk.engine.rollout.RolloutPlan;
import io.promptdesk.engine.rollout.RolloutStatus;
import io.promptdesk.engine.rollout.UnhealthyPolicy;
import io.promptdesk.model.Unreachable;
import io.promptdesk.registry.Attribution;
import io.promptdesk.registry.NewVersion;
import io.promptdesk.registry.VersionStatus;
import io.promptdesk.store.Database;
import io.promptdesk.store.DatabaseOptions;
import io.promptdesk.store.LocalPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The team store goes away mid-rollout (the test stops PostgreSQL, then starts it again): the rollout holds and never
 * advances blind, a rollback fails fast naming the store (never a false success), the desk hears that the store is
 * gone and that it is back, reconnects by itself, and nothing committed is lost. Another desk's change reaches a
 * watching desk as a notification.
 */
class TeamStoreOutageTest {
    @TempDir
    Path dir;
    private LocalPostgres pg;
    private String url;

    @BeforeEach
    void start() {
        pg = LocalPostgres.startPrivate();
        url = pg.newDatabase();
        Database.openAndMigrate(LocalPostgres.superuser(url), DatabaseOptions.defaults()).close();
    }

    @AfterEach
    void stop() {
        pg.destroy();
    }

    private Engines desk(String name) {
        return Engines.open(Engines.Config.of(dir.resolve(name)).withActor(name)
                .withStore(new StoreSettings(StoreSettings.POSTGRESQL, url, LocalPostgres.SUPERUSER, "PD_PASSWORD",
                        null))
                .withEnvironment(k -> k.equals("PD_PASSWORD") ? LocalPostgres.SUPERUSER_PASSWORD : null)
                .withDatabaseOptions(DatabaseOptions.defaults().withConnectTimeout(Duration.ofSeconds(2))));
    }

    record Heard(String what, String problem) {
    }

    @Test
    void aChangeAtOneDeskReachesAWatchingDesk() throws Exception {
        try (Engines ana = desk("ana"); Engines omar = desk("omar")) {
            BlockingQueue<Heard> heard = new LinkedBlockingQueue<>();
            omar.watchStore(listener(heard));
            assertThat(heard.poll(10, TimeUnit.SECONDS)).isEqualTo(new Heard("reachable", null));
            ana.registry().register(new NewVersion("hooks", "1.0", "Write a hook about {topic}", null, null,
                    VersionStatus.STABLE, Map.of()), Attribution.of("ana", "first"));
            assertThat(heard.poll(10, TimeUnit.SECONDS)).isEqualTo(new Heard("changed", null));
        }
    }

    @Test
    void theStoreGoesAwayMidRolloutAndComesBack() throws Exception {
        try (Engines desk = desk("ana")) {
            Attribution by = Attribution.of("ana", "release");
            desk.registry().register(new NewVersion("hooks", "1.0", "Write a hook about {topic}", null, null,
                    VersionStatus.STABLE, Map.of()), by);
            desk.registry().register(NewVersion.candidate("hooks", "1.1", "Write a short hook about {topic}"), by);
            GradualRolloutManager m = desk.manager("hooks");
            m.startRollout("1.1", RolloutPlan.of(null, null, null, null, Duration.ofMinutes(5),
                    Duration.ofSeconds(30), UnhealthyPolicy.PAUSE), by);
            Rollout before = m.status();
            BlockingQueue<Heard> heard = new LinkedBlockingQueue<>();
            desk.watchStore(listener(heard));
            assertThat(heard.poll(10, TimeUnit.SECONDS)).isEqualTo(new Heard("reachable", null));

            pg.stop();
            Heard gone = heard.poll(30, TimeUnit.SECONDS);
            assertThat(gone).isNotNull();
            assertThat(gone.what()).isEqualTo("unreachable");
            assertThat(gone.problem()).contains(url).contains("cannot be reached");

            // The rollout cannot be driven blind, and a rollback fails saying why - never a false success.
            assertThatThrownBy(() -> m.drive("ana-desk")).isInstanceOf(Unreachable.class).hasMessageContaining(url);
            assertThatThrownBy(() -> desk.rollbackController().triggerRollback("hooks", "1.1", null, "spike", "ana",
                    false)).isInstanceOf(Unreachable.class).hasMessageContaining(url);

            pg.startServer();
            Heard back = heard.poll(30, TimeUnit.SECONDS);
            assertThat(back).isEqualTo(new Heard("reachable", null));
            assertThat(heard.poll(10, TimeUnit.SECONDS)).isEqualTo(new Heard("changed", null));

            // Reconnected by itself; nothing committed was lost, and the rollout is where it was.
            Rollout after = desk.reader("hooks").status();
            assertThat(after.rolloutId()).isEqualTo(before.rolloutId());
            assertThat(after.status()).isEqualTo(RolloutStatus.IN_PROGRESS);
            assertThat(after.currentPercentage()).isEqualTo(before.currentPercentage());
            assertThat(desk.rollbackStore().history("hooks", 10)).isEmpty();
            assertThat(desk.audit().verify().intact()).isTrue();
        }
    }

    private static Engines.StoreListener listener(BlockingQueue<Heard> heard) {
        return new Engines.StoreListener() {
            @Override
            public void changed() {
                heard.add(new Heard("changed", null));
            }

            @Override
            public void reachability(boolean reachable, String problem) {
                heard.add(new Heard(reachable ? "reachable" : "unreachable", problem));
            }
        };
    }
}
