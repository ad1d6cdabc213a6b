package io.promptdesk.engine.rollout;

import io.promptdesk.store.Database;
import io.promptdesk.store.DatabaseOptions;
import io.promptdesk.store.LocalPostgres;

/** Every contract of {@link GradualRolloutManagerTest}, on the team store: a real PostgreSQL 15. */
class PostgresGradualRolloutManagerTest extends GradualRolloutManagerTest {
    @Override
    RolloutFixture fixture(long seed) {
        String url = LocalPostgres.shared().newDatabase();
        Database.openAndMigrate(LocalPostgres.superuser(url), DatabaseOptions.defaults()).close();
        return new RolloutFixture(dir, seed, 200, () -> Database.open(LocalPostgres.superuser(url),
                DatabaseOptions.defaults()));
    }
}
