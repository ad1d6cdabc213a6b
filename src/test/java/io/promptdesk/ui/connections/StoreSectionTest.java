package io.promptdesk.ui.connections;

import io.promptdesk.connections.ConnectionsFile;
import io.promptdesk.connections.StoreSettings;
import io.promptdesk.store.LocalPostgres;
import io.promptdesk.ui.common.FakeDialogService;
import io.promptdesk.ui.common.SameThreadRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The Connections page's Store section: test before saving, save only the password's source, say what is in use. */
class StoreSectionTest {
    @TempDir
    Path dir;
    private final FakeDialogService dialogs = new FakeDialogService();

    private StoreSection section(java.util.function.UnaryOperator<String> env) {
        return new StoreSection(dir, "embedded, " + dir.resolve("promptdesk.db"), env, SameThreadRunner.immediate(),
                dialogs);
    }

    @Test
    void theStatusLineNamesTheStoreAndSaysWhenItDoesNotAnswer() {
        StoreSection s = section(k -> null);
        assertThat(s.statusLineProperty().get()).isEqualTo("Store: embedded, " + dir.resolve("promptdesk.db"));
        s.reachability(false, "the team store postgresql://db/x cannot be reached");
        assertThat(s.statusLineProperty().get()).endsWith("unreachable, reconnecting");
        assertThat(s.problemProperty().get()).contains("cannot be reached");
        s.reachability(true, null);
        assertThat(s.statusLineProperty().get()).doesNotContain("unreachable");
        assertThat(s.problemProperty().get()).isEmpty();
    }

    @Test
    void aTeamStoreIsTestedThenSavedWithThePasswordsSourceOnly() throws Exception {
        String url = LocalPostgres.shared().newDatabase();
        io.promptdesk.store.Database.openAndMigrate(LocalPostgres.superuser(url),
                io.promptdesk.store.DatabaseOptions.defaults()).close();
        StoreSection s = section(k -> k.equals("PD_TEAM_PASSWORD") ? LocalPostgres.SUPERUSER_PASSWORD : null);
        s.teamProperty().set(true);
        s.urlProperty().set(url);
        s.userProperty().set(LocalPostgres.SUPERUSER);
        s.passwordSourceProperty().set(SecretSource.ENVIRONMENT);
        s.passwordNameProperty().set("PD_TEAM_PASSWORD");
        s.test();
        assertThat(s.testOkProperty().get()).as(s.testResultProperty().get()).isTrue();
        assertThat(s.testResultProperty().get()).startsWith("✓ " + url).contains("schema version");

        s.save();
        StoreSettings saved = ConnectionsFile.readStore(dir);
        assertThat(saved).isEqualTo(new StoreSettings("postgresql", url, "postgres", "PD_TEAM_PASSWORD", null));
        assertThat(Files.readString(dir.resolve(ConnectionsFile.FILE))).doesNotContain(
                LocalPostgres.SUPERUSER_PASSWORD);
        assertThat(dialogs.shown).extracting(FakeDialogService.Shown::message)
                .anyMatch(m -> m.contains("next start") || m.contains("restarted"));
    }

    @Test
    void aWrongPasswordOrAStoreWithoutSchemaIsReportedNotSaved() {
        String url = LocalPostgres.shared().newDatabase();
        StoreSection s = section(k -> k.equals("PD_TEAM_PASSWORD") ? "not-the-password" : null);
        s.teamProperty().set(true);
        s.urlProperty().set(url);
        s.userProperty().set(LocalPostgres.SUPERUSER);
        s.passwordNameProperty().set("PD_TEAM_PASSWORD");
        s.test();
        assertThat(s.testOkProperty().get()).isFalse();
        assertThat(s.testResultProperty().get()).startsWith("✗").contains("refused the login")
                .doesNotContain("not-the-password");

        StoreSection noSchema = section(k -> k.equals("PD_TEAM_PASSWORD") ? LocalPostgres.SUPERUSER_PASSWORD : null);
        noSchema.teamProperty().set(true);
        noSchema.urlProperty().set(url);
        noSchema.userProperty().set(LocalPostgres.SUPERUSER);
        noSchema.passwordNameProperty().set("PD_TEAM_PASSWORD");
        noSchema.test();
        assertThat(noSchema.testOkProperty().get()).isFalse();
        assertThat(noSchema.testResultProperty().get()).contains("store init");
    }
}
