package io.promptdesk.app;

import io.promptdesk.connections.StoreSettings;
import io.promptdesk.model.BadInputException;
import io.promptdesk.model.PromptDeskException;
import io.promptdesk.store.Database;
import io.promptdesk.store.JdbcAuditLog;
import io.promptdesk.store.StoreCopy;
import io.promptdesk.store.StoreLocation;
import io.promptdesk.store.Workspace;

import java.nio.file.Files;
import java.nio.file.Path;

/** The store's own commands: what store is in use and whether it answers, create or upgrade its schema, copy a desk's. */
public final class StoreAdmin {
    private StoreAdmin() {
    }

    /**
     * The store's state as {@code store status --json} prints it.
     *
     * @param kind                  sqlite or postgresql
     * @param url                   the file, or the URL without secrets
     * @param schemaVersion         the schema version found; null when unreachable
     * @param latestSchemaVersion   the version this PromptDesk uses
     * @param reachable             whether it answered
     * @param error                 why not, or why the schema is not usable; null when all is well
     */
    public record Status(String kind, String url, Integer schemaVersion, int latestSchemaVersion, boolean reachable,
                         String error) {
        /** Reachable with the schema this PromptDesk uses. */
        public boolean ready() {
            return reachable && schemaVersion != null && schemaVersion == latestSchemaVersion;
        }
    }

    /** Connects (never creating nor migrating anything) and reports. */
    public static Status status(Engines.Config config) {
        StoreLocation location = Engines.location(config);
        int latest = Database.latestSchemaVersion();
        if (location.kind() == StoreLocation.Kind.SQLITE && !Files.isRegularFile(location.file())) {
            return new Status(location.kind().key(), location.display(), null, latest, false, location.file()
                    + " does not exist: the embedded store is made by the first command that writes");
        }
        try (Database db = Database.connectOnly(location, config.databaseOptions())) {
            int at = db.schemaVersion();
            String problem = at == latest ? null : at < latest ? "schema version " + at + " is older than "
                    + latest + ": run `promptdesk store init`" : "schema version " + at + " is newer than this "
                    + "PromptDesk's " + latest + ": use a newer PromptDesk";
            return new Status(location.kind().key(), location.display(), at, latest, true, problem);
        } catch (PromptDeskException e) {
            return new Status(location.kind().key(), location.display(), null, latest, false, e.getMessage());
        }
    }

    /** Creates or upgrades the schema; the version before and after. */
    public record Init(String kind, String url, int before, int after) {
    }

    public static Init init(Engines.Config config) {
        StoreLocation location = Engines.location(config);
        int before = 0;
        if (location.kind() == StoreLocation.Kind.POSTGRESQL || Files.isRegularFile(location.file())) {
            try (Database db = Database.connectOnly(location, config.databaseOptions())) {
                before = db.schemaVersion();
            }
        }
        try (Database db = Database.openAndMigrate(location, config.databaseOptions())) {
            return new Init(location.kind().key(), location.display(), before, db.schemaVersion());
        }
    }

    /**
     * Copies the desk's embedded store in {@code fromWorkspace} into the team store {@code to}; the schema is made
     * there first if need be.
     */
    public static Copy migrate(Path fromWorkspace, Engines.Config to) {
        if (!to.store().team()) {
            throw new BadInputException("--to must be a PostgreSQL team store URL (postgresql://HOST:PORT/DATABASE)");
        }
        Path file = Workspace.databaseFile(fromWorkspace).toAbsolutePath().normalize();
        try (Database desk = Database.openExisting(file, to.databaseOptions());
             Database team = Database.openAndMigrate(Engines.location(to), to.databaseOptions())) {
            io.promptdesk.model.Identity me = new io.promptdesk.store.JdbcAccess(team, to.actor()).identity();
            if (!me.owner()) {
                // The desk's history keeps the names of who did each thing; only the owner may write others' names.
                throw new BadInputException("store migrate copies a desk's history with the names of who did each "
                        + "thing, which only the team store's owner may write: run it as the login that ran `store "
                        + "init` (" + me.user() + " does not own " + me.store() + "); nothing was copied");
            }
            StoreCopy.Report r = StoreCopy.copy(desk, new JdbcAuditLog(desk), team, new JdbcAuditLog(team));
            return new Copy(file.toString(), team.describe(), r.copied(), r.alreadyThere(), r.sourceAudit(),
                    r.targetAudit());
        }
    }

    /**
     * What {@code store migrate} did.
     *
     * @param copied       rows copied per table (audit_log: rows appended to the team's chain)
     * @param alreadyThere rows left alone because the team store had them already
     * @param deskAudit    the desk's chain, verified before anything was copied
     * @param teamAudit    the team store's chain, verified after; null when nothing was copied
     */
    public record Copy(String from, String to, java.util.Map<String, Integer> copied,
                       java.util.Map<String, Integer> alreadyThere,
                       io.promptdesk.engine.audit.AuditVerification deskAudit,
                       io.promptdesk.engine.audit.AuditVerification teamAudit) {
        public boolean verified() {
            return deskAudit.intact() && teamAudit != null && teamAudit.intact();
        }
    }

    /** The settings of a team store at {@code url}, with the login settings of {@code base} (promptdesk.yaml's). */
    public static StoreSettings teamAt(StoreSettings base, String url) {
        StoreSettings s = base.withUrl(url);
        if (!s.team()) {
            throw new BadInputException("'" + StoreLocation.redact(url) + "' is not a PostgreSQL URL: write "
                    + "postgresql://HOST:PORT/DATABASE");
        }
        return s;
    }
}
