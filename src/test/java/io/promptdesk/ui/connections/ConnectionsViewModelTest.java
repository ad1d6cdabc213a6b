package io.promptdesk.ui.connections;

import io.promptdesk.connections.ConnectionSettings;
import io.promptdesk.connections.ConnectionsFile;
import io.promptdesk.connections.EndpointSettings.AuthType;
import io.promptdesk.connections.RouterKind;
import io.promptdesk.remote.FakeSecretStore;
import io.promptdesk.ui.common.FakeDialogService;
import io.promptdesk.ui.common.SameThreadRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Connections page's view model without a toolkit: same-thread runner, fake dialogs, fake checks. */
class ConnectionsViewModelTest {
    private static final String YAML = """
            name: sample workspace
            connections:
              prometheus:
                url: http://prom.internal:9090/
                auth: {type: bearer, token_env: PROM_TOKEN}
                scrape_interval_s: 5
              router:
                type: embedded
            """;

    @TempDir
    Path workspace;
    private final Map<String, String> environment = new HashMap<>();
    private FakeSecretStore store = new FakeSecretStore();
    private final FakeDialogService dialogs = new FakeDialogService();
    private final FakeChecks checks = FakeChecks.answering();

    private ConnectionsViewModel vm() {
        return vm(checks, SameThreadRunner.immediate());
    }

    /** The console's engines, started on the workspace file as the console starts them. */
    private RecordingEngines engines;

    private ConnectionsViewModel vm(ConnectionChecks c, SameThreadRunner runner) {
        ConnectionSettings atStart;
        try {
            atStart = ConnectionsFile.withEnvironment(ConnectionsFile.read(workspace), environment::get);
        } catch (io.promptdesk.model.BadInputException e) {
            atStart = ConnectionSettings.embedded();
        }
        engines = new RecordingEngines(atStart);
        return new ConnectionsViewModel(new ConnectionsServices(workspace, environment::get, store, c, engines, runner,
                dialogs));
    }

    private void writeFile(String yaml) throws IOException {
        Files.writeString(workspace.resolve(ConnectionsFile.FILE), yaml);
    }

    @Test
    void anEmptyWorkspaceIsAllEmbeddedAndHasNothingToSaveOrTest() {
        ConnectionsViewModel vm = vm();

        assertThat(vm.prometheus().urlProperty().get()).isEmpty();
        assertThat(vm.canSave()).isFalse();
        assertThat(vm.prometheusTest().canTest()).isFalse();
        assertThat(vm.statusLineProperty().get())
                .isEqualTo("metrics: embedded · registry: embedded · router: embedded");
    }

    @Test
    void theWorkspaceFileFillsTheFormsAndTheStatusLine() throws IOException {
        writeFile(YAML);
        ConnectionsViewModel vm = vm();

        assertThat(vm.prometheus().urlProperty().get()).isEqualTo("http://prom.internal:9090/");
        assertThat(vm.prometheus().authProperty().get()).isEqualTo(AuthType.BEARER);
        assertThat(vm.prometheus().tokenEnvProperty().get()).isEqualTo("PROM_TOKEN");
        assertThat(vm.dirtyProperty().get()).isFalse();
        assertThat(vm.statusLineProperty().get())
                .isEqualTo("metrics: Prometheus (untested) · registry: embedded · router: embedded");
    }

    @Test
    void aBadUrlIsReportedOnItsFieldAndBlocksSavingUntilFixed() {
        ConnectionsViewModel vm = vm();
        EndpointForm prometheus = vm.prometheus();

        prometheus.urlProperty().set("prom.internal:9090");

        assertThat(prometheus.problemProperty(EndpointForm.Field.URL).get())
                .contains("'prom.internal:9090' is not an http:// or https:// URL");
        assertThat(vm.canSave()).isFalse();
        assertThat(vm.prometheusTest().canTest()).isFalse();

        prometheus.urlProperty().set("http://prom.internal:9090");

        assertThat(prometheus.problemProperty(EndpointForm.Field.URL).get()).isEmpty();
        assertThat(vm.canSave()).isTrue();
        assertThat(vm.prometheusTest().canTest()).isTrue();
    }

    @Test
    void authAsksForTheNameOfTheVariableAndRefusesWhatLooksLikeASecret() {
        ConnectionsViewModel vm = vm();
        EndpointForm mlflow = vm.mlflow();
        mlflow.urlProperty().set("https://mlflow.internal/");
        mlflow.authProperty().set(AuthType.BASIC);

        assertThat(mlflow.problemProperty(EndpointForm.Field.USERNAME).get()).isEqualTo("the user name is needed");
        assertThat(mlflow.problemProperty(EndpointForm.Field.PASSWORD_ENV).get())
                .isEqualTo("name the environment variable holding the password");

        mlflow.usernameProperty().set("ops");
        mlflow.passwordEnvProperty().set("hunter2!");

        assertThat(mlflow.problemProperty(EndpointForm.Field.PASSWORD_ENV).get())
                .contains("is not an environment variable name").contains("never the password itself");
        assertThat(vm.canSave()).isFalse();
    }

    @Test
    void theSecretsVariableIsShownAsSetOrNotWithoutItsValue() {
        ConnectionsViewModel vm = vm();
        EndpointForm prometheus = vm.prometheus();
        prometheus.urlProperty().set("http://prom:9090");
        prometheus.authProperty().set(AuthType.BEARER);
        prometheus.tokenEnvProperty().set("PROM_TOKEN");

        assertThat(prometheus.secretStatusProperty().get())
                .isEqualTo("$PROM_TOKEN is not set in the console's environment");
        assertThat(prometheus.secretSetProperty().get()).isFalse();

        environment.put("PROM_TOKEN", "t0p-s3cret");
        prometheus.tokenEnvProperty().set(" PROM_TOKEN ");

        assertThat(prometheus.secretStatusProperty().get()).isEqualTo("$PROM_TOKEN is set");
        assertThat(prometheus.secretSetProperty().get()).isTrue();
    }

    @Test
    void aTokenInTheOsSecretStoreIsNamedByEntryAndShownAsStoredNeverItsValue() {
        ConnectionsViewModel vm = vm();
        EndpointForm prometheus = vm.prometheus();
        prometheus.urlProperty().set("http://prom:9090");
        prometheus.authProperty().set(AuthType.BEARER);
        prometheus.tokenSourceProperty().set(SecretSource.STORE);

        assertThat(prometheus.problemProperty(EndpointForm.Field.TOKEN_SECRET).get())
                .isEqualTo("name the OS secret store entry holding the token");
        assertThat(prometheus.problemProperty(EndpointForm.Field.TOKEN_ENV).get()).isEmpty();
        prometheus.tokenSecretProperty().set("hunter2 !");
        assertThat(prometheus.problemProperty(EndpointForm.Field.TOKEN_SECRET).get())
                .contains("not a secret store entry name").contains("never the token itself")
                .doesNotContain("hunter2");
        assertThat(store.asked()).isEmpty();

        prometheus.tokenSecretProperty().set("prom-token");
        assertThat(prometheus.problemProperty(EndpointForm.Field.TOKEN_SECRET).get()).isEmpty();
        assertThat(prometheus.secretStatusProperty().get()).isEqualTo("entry 'prom-token' is not found in the test "
                + "keyring; store it with: keyring put prom-token");
        assertThat(prometheus.secretSetProperty().get()).isFalse();

        store.put("prom-token", "t0p-s3cret");
        prometheus.tokenSourceProperty().set(SecretSource.ENVIRONMENT);
        assertThat(prometheus.secretStatusProperty().get()).isEmpty();
        prometheus.tokenSourceProperty().set(SecretSource.STORE);

        assertThat(prometheus.secretStatusProperty().get())
                .isEqualTo("entry 'prom-token' is stored in the test keyring").doesNotContain("t0p-s3cret");
        assertThat(prometheus.secretSetProperty().get()).isTrue();
        assertThat(vm.edited().prometheus().tokenSecret()).isEqualTo("prom-token");
        assertThat(vm.edited().prometheus().tokenEnv()).isNull();
        assertThat(vm.canSave()).isTrue();
    }

    @Test
    void storeLookupsRunThroughTheRunnerOneAtATimeAndOnlyForTheLatestName() {
        store.put("prom-token", "t0p-s3cret");
        SameThreadRunner runner = SameThreadRunner.deferred();
        ConnectionsViewModel vm = vm(checks, runner);
        EndpointForm prometheus = vm.prometheus();
        prometheus.urlProperty().set("http://prom:9090");
        prometheus.authProperty().set(AuthType.BEARER);
        prometheus.tokenSourceProperty().set(SecretSource.STORE);

        prometheus.tokenSecretProperty().set("p");
        prometheus.tokenSecretProperty().set("pr");
        prometheus.tokenSecretProperty().set("prom-token");
        prometheus.readTimeoutProperty().set("4000");

        assertThat(store.asked()).isEmpty();
        assertThat(prometheus.secretStatusProperty().get())
                .isEqualTo("looking for entry 'prom-token' in the test keyring ...");
        assertThat(runner.runPending()).isEqualTo(2);
        assertThat(store.asked()).containsExactly("p", "prom-token");
        assertThat(prometheus.secretStatusProperty().get()).isEqualTo("entry 'prom-token' is stored in the test "
                + "keyring");
        prometheus.connectTimeoutProperty().set("1000");
        assertThat(runner.runPending()).isZero();
    }

    @Test
    void aStoreThatCannotBeAskedSaysWhyOnTheStatusLine() {
        store = FakeSecretStore.unavailable("cannot look up the secret store entry prom-token: secret-tool cannot "
                + "be run; install libsecret-tools");
        ConnectionsViewModel vm = vm();
        vm.mlflow().urlProperty().set("http://mlflow:5000");
        vm.mlflow().authProperty().set(AuthType.BASIC);
        vm.mlflow().usernameProperty().set("ops");
        vm.mlflow().passwordSourceProperty().set(SecretSource.STORE);
        vm.mlflow().passwordSecretProperty().set("prom-token");

        assertThat(vm.mlflow().secretStatusProperty().get()).contains("secret-tool cannot be run");
        assertThat(vm.mlflow().secretSetProperty().get()).isFalse();
        assertThat(dialogs.errors()).isEmpty();
        assertThat(vm.canSave()).isTrue();
    }

    @Test
    void onATeamStoreOnlyAnAdminSavesSettingsAndARefusalWritesNothing() throws IOException {
        writeFile(YAML);
        String before = Files.readString(workspace.resolve(ConnectionsFile.FILE));
        ConnectionsViewModel vm = vm();
        vm.lockSaving("Needs the admin role - you are ana (releaser); ask a PromptDesk admin");
        vm.mlflow().urlProperty().set("http://mlflow.internal:5000/");
        assertThat(vm.canSave()).isTrue();
        assertThat(vm.savingLocked()).startsWith("Needs the admin role");

        vm.save();

        assertThat(dialogs.errors()).singleElement().satisfies(e -> assertThat(e.message())
                .startsWith("Needs the admin role - you are ana"));
        assertThat(Files.readString(workspace.resolve(ConnectionsFile.FILE))).isEqualTo(before);
    }

    @Test
    void saveWritesTheStoreEntrysNameAndTheFileBringsTheChoiceBack() throws IOException {
        writeFile(YAML);
        ConnectionsViewModel vm = vm();
        vm.mlflow().urlProperty().set("http://mlflow.internal:5000/");
        vm.mlflow().authProperty().set(AuthType.BASIC);
        vm.mlflow().usernameProperty().set("ops");
        vm.mlflow().passwordEnvProperty().set("MLFLOW_PASSWORD");
        vm.mlflow().passwordSourceProperty().set(SecretSource.STORE);
        vm.mlflow().passwordSecretProperty().set("mlflow-password");
        vm.router().kindProperty().set(RouterKind.WEBHOOK);
        vm.router().webhookUrlProperty().set("https://router.internal/promptdesk");
        vm.router().secretSourceProperty().set(SecretSource.STORE);
        assertThat(vm.router().secretProblemProperty().get())
                .isEqualTo("name the OS secret store entry holding the signing secret");
        vm.router().secretStoreProperty().set("router-secret");

        vm.save();

        String text = Files.readString(workspace.resolve(ConnectionsFile.FILE));
        assertThat(text).contains("password_secret: \"mlflow-password\"").contains("secret_store: \"router-secret\"")
                .doesNotContain("MLFLOW_PASSWORD").doesNotContain("secret_env");
        ConnectionsViewModel reopened = vm();
        assertThat(reopened.mlflow().passwordSourceProperty().get()).isEqualTo(SecretSource.STORE);
        assertThat(reopened.mlflow().passwordSecretProperty().get()).isEqualTo("mlflow-password");
        assertThat(reopened.router().secretSourceProperty().get()).isEqualTo(SecretSource.STORE);
        assertThat(reopened.prometheus().tokenSourceProperty().get()).isEqualTo(SecretSource.ENVIRONMENT);
        assertThat(reopened.dirtyProperty().get()).isFalse();
        assertThat(store.asked()).contains("mlflow-password", "router-secret");
    }

    @Test
    void saveWritesVariableNamesNeverSecretsAndKeepsTheOtherKeys() throws IOException {
        writeFile(YAML);
        environment.put("MLFLOW_PASSWORD", "hunter2");
        ConnectionsViewModel vm = vm();
        vm.mlflow().urlProperty().set("http://mlflow.internal:5000/");
        vm.mlflow().authProperty().set(AuthType.BASIC);
        vm.mlflow().usernameProperty().set("ops");
        vm.mlflow().passwordEnvProperty().set("MLFLOW_PASSWORD");
        vm.mlflow().readTimeoutProperty().set("4000");
        vm.router().kindProperty().set(RouterKind.MLFLOW);

        vm.save();

        String text = Files.readString(workspace.resolve(ConnectionsFile.FILE));
        assertThat(text).contains("name: \"sample workspace\"").contains("password_env: \"MLFLOW_PASSWORD\"")
                .doesNotContain("hunter2");
        ConnectionSettings written = ConnectionsFile.read(workspace);
        assertThat(written.mlflow().readTimeout()).isEqualTo(Duration.ofSeconds(4));
        assertThat(written.scrapeInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(written.router()).isEqualTo(RouterKind.MLFLOW);
        assertThat(written).isEqualTo(vm.savedProperty().get());
        assertThat(vm.canSave()).isFalse();
        assertThat(dialogs.last().kind()).isEqualTo("SUCCESS");
        assertThat(dialogs.last().title()).isEqualTo("Connections saved and in use");
        assertThat(engines.used()).singleElement().isEqualTo(written);
        assertThat(vm.inUseProperty().get()).isEqualTo(written);
        assertThat(vm.statusLineProperty().get()).isEqualTo(
                "metrics: Prometheus (untested) · registry: MLflow (untested) · router: mlflow");
    }

    @Test
    void theEnvironmentsOverridesApplyToTheSavedEnginesToo() {
        environment.put(ConnectionsFile.ENV_MLFLOW_URL, "http://mlflow.ci:5000/");
        ConnectionsViewModel vm = vm();
        vm.prometheus().urlProperty().set("http://prom:9090/");

        vm.save();

        assertThat(engines.used()).singleElement().satisfies(s -> {
            assertThat(s.prometheus().url()).isEqualTo("http://prom:9090/");
            assertThat(s.mlflow().url()).isEqualTo("http://mlflow.ci:5000/");
        });
        assertThat(ConnectionsFile.read(workspace).mlflow()).isNull();
    }

    @Test
    void settingsTheConsoleCannotUseAreSavedButTheStatusBarKeepsTellingTheEnginesInUse() {
        ConnectionsViewModel vm = vm();
        engines.refuse("the environment variable PROM_TOKEN that should hold the secret is not set");
        vm.prometheus().urlProperty().set("http://prom:9090/");

        vm.save();

        assertThat(ConnectionsFile.read(workspace).prometheus().url()).isEqualTo("http://prom:9090/");
        assertThat(dialogs.last().kind()).isEqualTo("WARNING");
        assertThat(dialogs.last().message()).contains("keeps its previous engines").contains("PROM_TOKEN");
        assertThat(vm.inUseProperty().get()).isEqualTo(ConnectionSettings.embedded());
        assertThat(vm.statusLineProperty().get())
                .isEqualTo("metrics: embedded · registry: embedded · router: embedded");
        assertThat(vm.canSave()).isFalse();
    }

    @Test
    void testingShowsLatencyAndVersionAndTheStatusBarHealth() throws IOException {
        writeFile(YAML);
        ConnectionsViewModel vm = vm();

        vm.prometheusTest().run();

        assertThat(checks.tested).singleElement().satisfies(s -> assertThat(s.tokenEnv()).isEqualTo("PROM_TOKEN"));
        assertThat(vm.prometheusTest().resultProperty().get()).isEqualTo("✓ 28 ms · Prometheus 2.45.0");
        assertThat(vm.prometheusTest().failedProperty().get()).isFalse();
        assertThat(vm.statusLineProperty().get())
                .isEqualTo("metrics: Prometheus ✓ 28 ms · registry: embedded · router: embedded");
    }

    @Test
    void anEngineThatDoesNotAnswerIsShownWithWhyAndNoDialog() throws IOException {
        writeFile(YAML);
        ConnectionsViewModel vm = vm(FakeChecks.failing(), SameThreadRunner.immediate());

        vm.testAll();

        assertThat(vm.prometheusTest().resultProperty().get()).isEqualTo("✗ no answer after 3 ms: cannot reach "
                + "http://prom.internal:9090/: connection refused; is Prometheus running there?");
        assertThat(vm.prometheusTest().failedProperty().get()).isTrue();
        assertThat(vm.statusLineProperty().get()).startsWith("metrics: Prometheus ✗ not answering ·");
        assertThat(dialogs.errors()).isEmpty();
    }

    @Test
    void aTestOfAnUnsavedUrlDoesNotCountAsTheHealthOfTheSavedOne() throws IOException {
        writeFile(YAML);
        ConnectionsViewModel vm = vm();
        vm.prometheus().urlProperty().set("http://other:9090/");

        vm.prometheusTest().run();

        assertThat(checks.tested).singleElement().satisfies(s -> assertThat(s.url()).isEqualTo("http://other:9090/"));
        assertThat(vm.statusLineProperty().get()).startsWith("metrics: Prometheus (untested)");
        assertThat(vm.prometheusTest().resultProperty().get()).startsWith("✓");

        vm.prometheus().urlProperty().set("http://prom.internal:9090/");
        assertThat(vm.prometheusTest().resultProperty().get()).isEmpty();
        assertThat(vm.prometheusTest().passedProperty().get()).isFalse();
        vm.prometheus().urlProperty().set("http://other:9090/");
        assertThat(vm.prometheusTest().resultProperty().get()).startsWith("✓");
    }

    @Test
    void aTestUnderWayCannotBeStartedTwice() throws IOException {
        writeFile(YAML);
        SameThreadRunner runner = SameThreadRunner.deferred();
        ConnectionsViewModel vm = vm(checks, runner);

        vm.prometheusTest().run();
        vm.prometheusTest().run();

        assertThat(vm.prometheusTest().busyProperty().get()).isTrue();
        assertThat(vm.prometheusTest().canTest()).isFalse();
        assertThat(vm.prometheusTest().resultProperty().get()).isEqualTo("testing http://prom.internal:9090/ ...");
        assertThat(runner.runPending()).isEqualTo(1);
        assertThat(vm.prometheusTest().busyProperty().get()).isFalse();
        assertThat(checks.tested).hasSize(1);
    }

    @Test
    void theEnvironmentsOverrideIsNamedAndUsedForTheStatusLine() throws IOException {
        writeFile(YAML);
        environment.put(ConnectionsFile.ENV_PROMETHEUS_URL, "http://127.0.0.1:9091/");
        ConnectionsViewModel vm = vm();

        assertThat(vm.prometheus().overrideProperty().get())
                .isEqualTo("$PROMPTDESK_PROMETHEUS_URL overrides this URL with http://127.0.0.1:9091/");
        assertThat(vm.prometheus().urlProperty().get()).isEqualTo("http://prom.internal:9090/");
        vm.prometheus().urlProperty().set("http://127.0.0.1:9091/");
        vm.prometheusTest().run();
        assertThat(vm.statusLineProperty().get()).startsWith("metrics: Prometheus ✓ 28 ms");
    }

    @Test
    void theRoutersNeedTheirSettings() {
        ConnectionsViewModel vm = vm();
        RouterForm router = vm.router();

        assertThat(router.hintProperty().get()).contains("embedded simulated service");
        router.kindProperty().set(RouterKind.MLFLOW);
        assertThat(router.kindProblemProperty().get()).contains("give the MLflow URL");
        assertThat(router.hintProperty().get()).contains("canary alias");
        vm.mlflow().urlProperty().set("http://mlflow:5000");
        assertThat(router.kindProblemProperty().get()).isEmpty();
        assertThat(vm.canSave()).isTrue();

        router.kindProperty().set(RouterKind.WEBHOOK);
        assertThat(router.urlProblemProperty().get()).isEqualTo("the traffic webhook URL is needed");
        assertThat(router.secretProblemProperty().get()).contains("signing secret");
        assertThat(vm.canSave()).isFalse();
        router.webhookUrlProperty().set("https://router.internal/promptdesk");
        router.secretEnvProperty().set("ROUTER_SECRET");
        assertThat(vm.canSave()).isTrue();
        assertThat(router.secretStatusProperty().get()).isEqualTo("$ROUTER_SECRET is not set in the console's "
                + "environment");
    }

    @Test
    void revertPutsTheSavedSettingsBack() throws IOException {
        writeFile(YAML);
        ConnectionsViewModel vm = vm();
        vm.prometheus().urlProperty().set("");
        vm.prometheus().readTimeoutProperty().set("abc");
        assertThat(vm.dirtyProperty().get()).isTrue();

        vm.revert();

        assertThat(vm.prometheus().urlProperty().get()).isEqualTo("http://prom.internal:9090/");
        assertThat(vm.dirtyProperty().get()).isFalse();
    }

    @Test
    void aWorkspaceFileWithASecretInItIsReportedNotLoaded() throws IOException {
        writeFile("connections:\n  prometheus:\n    url: http://p:9090\n    auth: {type: bearer, token: abc}\n");
        ConnectionsViewModel vm = vm();

        assertThat(vm.loadProblemProperty().get()).contains("secrets are never read from the workspace file");
        assertThat(vm.prometheus().urlProperty().get()).isEmpty();
    }

    @Test
    void aSaveThatCannotWriteSaysWhy() throws IOException {
        Files.createDirectory(workspace.resolve(ConnectionsFile.FILE));
        ConnectionsViewModel vm = vm();
        vm.prometheus().urlProperty().set("http://prom:9090");

        vm.save();

        assertThat(dialogs.errors()).singleElement().satisfies(e -> {
            assertThat(e.title()).isEqualTo("Cannot save the connections");
            assertThat(e.message()).contains(ConnectionsFile.FILE);
        });
        assertThat(vm.canSave()).isTrue();
    }

    @Test
    void aChosenCaFileFillsTheFieldAndAnExistingOneIsAccepted() throws IOException {
        Path ca = Files.writeString(workspace.resolve("private-ca.pem"), "-----BEGIN CERTIFICATE-----\n");
        ConnectionsViewModel vm = vm();
        vm.prometheus().urlProperty().set("https://prom.internal/");
        assertThat(vm.canTestAnyProperty().get()).isTrue();
        dialogs.fileAnswers.add(ca);

        vm.chooseCaFile(vm.prometheus());

        assertThat(vm.prometheus().caFileProperty().get()).isEqualTo(ca.toString());
        assertThat(vm.prometheus().problemProperty(EndpointForm.Field.CA_FILE).get()).isEmpty();
        assertThat(vm.edited().prometheus().caFile()).isEqualTo(ca);
    }

    @Test
    void badTimeoutsAndMissingCaFilesAreCaught() {
        ConnectionsViewModel vm = vm();
        EndpointForm p = vm.prometheus();
        p.urlProperty().set("http://prom:9090");
        p.connectTimeoutProperty().set("2s");
        p.readTimeoutProperty().set("0");
        p.caFileProperty().set(workspace.resolve("missing.pem").toString());

        assertThat(p.problemProperty(EndpointForm.Field.CONNECT_TIMEOUT).get())
                .isEqualTo("the connect timeout must be a whole number of milliseconds, got '2s'");
        assertThat(p.problemProperty(EndpointForm.Field.READ_TIMEOUT).get())
                .isEqualTo("the read timeout must be between 1 and 600000 ms, got 0");
        assertThat(p.problemProperty(EndpointForm.Field.CA_FILE).get()).startsWith("no CA file at ");
        assertThat(p.isValid()).isFalse();
    }

    @Test
    void whileTheConsoleChoosesItsEnginesTheStatusBarSaysSoThenFollowsTheChoice() throws IOException {
        writeFile(YAML);
        environment.put("PROM_TOKEN", "t0p-s3cret");
        engines = new RecordingEngines(null);
        ConnectionsViewModel vm = new ConnectionsViewModel(new ConnectionsServices(workspace, environment::get, store,
                checks, engines, SameThreadRunner.immediate(), dialogs));

        assertThat(vm.statusLineProperty().get()).isEqualTo("engines: connecting to the workspace's connections…");

        engines.use(ConnectionsFile.withEnvironment(ConnectionsFile.read(workspace), environment::get));
        vm.enginesChanged();

        assertThat(vm.statusLineProperty().get())
                .isEqualTo("metrics: Prometheus (untested) · registry: embedded · router: embedded");
    }
}
