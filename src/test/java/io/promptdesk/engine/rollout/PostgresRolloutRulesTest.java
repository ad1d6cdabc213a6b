package io.promptdesk.engine.rollout;

import io.promptdesk.store.Database;
import io.promptdesk.store.DatabaseOptions;
import io.promptdesk.store.LocalPostgres;
import io.promptdesk.store.JdbcRolloutRepository;
import io.promptdesk.store.StoreException;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every contract of {@link RolloutRulesTest}, on the team store: a real PostgreSQL 15. */
class PostgresRolloutRulesTest extends RolloutRulesTest {
    private String url;

    @Override
    RolloutFixture fixture(long seed) {
        url = LocalPostgres.shared().newDatabase();
        Database.openAndMigrate(LocalPostgres.superuser(url), DatabaseOptions.defaults()).close();
        return new RolloutFixture(dir, seed, 200, () -> Database.open(LocalPostgres.superuser(url),
                DatabaseOptions.defaults()));
    }

    /** Another desk holds the store's write lock longer than this desk waits: refused, nothing acted on. */
    @Test
    @Override
    void aLockedStoreRefusesTheChangeAndNothingIsActedOn() throws Exception {
        m.startRollout("1.1", null, null, null);
        Rollout before = m.status();
        List<String> routed = new ArrayList<>();
        try (Database impatient = Database.open(LocalPostgres.superuser(url),
                DatabaseOptions.defaults().withBusyTimeout(Duration.ofMillis(200)));
             Connection other = DriverManager.getConnection("jdbc:" + url, LocalPostgres.SUPERUSER,
                     LocalPostgres.SUPERUSER_PASSWORD)) {
            GradualRolloutManager locked = new GradualRolloutManager("hooks", new RolloutEnvironment(
                    new JdbcRolloutRepository(impatient), f.registry, f.sim, new RegressionHealthComparator(),
                    (d, s, c, p) -> routed.add(d + " " + p), f.clock, null), RolloutSettings.defaults("ana"));
            locked.recover();
            routed.clear();
            other.setAutoCommit(false);
            try (Statement st = other.createStatement()) {
                st.execute("SELECT pg_advisory_xact_lock(" + 0x5044534BL + ")");
            }
            assertThatThrownBy(() -> locked.pauseRollout(BOB))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("busy with another desk's change")
                    .hasMessageContaining("nothing was changed");
            other.rollback();
        }
        assertThat(routed).isEmpty();
        assertThat(m.status()).isEqualTo(before);
        assertThat(m.events()).hasSize(1);
    }
}
