package io.promptdesk.engine.rollback;

import io.promptdesk.store.Database;
import io.promptdesk.store.LocalPostgres;

import java.nio.file.Path;

/** Every rollback contract of {@link RollbackControllerTest}, on the team store: a real PostgreSQL 15. */
class PostgresRollbackControllerTest extends RollbackControllerTest {
    @Override
    Database openStore(Path dir) {
        return LocalPostgres.newStore();
    }
}
