package io.promptdesk.ui.connections;

import atlantafx.base.theme.Styles;
import io.promptdesk.connections.ConnectionsFile;
import io.promptdesk.connections.EndpointSettings.AuthType;
import io.promptdesk.remote.FakeSecretStore;
import io.promptdesk.ui.common.FakeDialogService;
import io.promptdesk.ui.common.SameThreadRunner;
import io.promptdesk.ui.common.Theme;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Connections page on a headless toolkit: field problems follow the view model, Save follows validity. */
@ExtendWith(ApplicationExtension.class)
class ConnectionsViewFxTest {
    @TempDir
    Path workspace;

    private ConnectionsViewModel vm;

    @Start
    void start(Stage stage) {
        new Theme().apply();
        vm = new ConnectionsViewModel(new ConnectionsServices(workspace, k -> null,
                FakeSecretStore.with(Map.of("prom-token", "t0p-s3cret")), FakeChecks.answering(),
                RecordingEngines.embedded(), SameThreadRunner.immediate(), new FakeDialogService()));
        Scene scene = new Scene(new ConnectionsView(vm), 1000, 760);
        scene.getStylesheets().add(Theme.stylesheetUrl());
        stage.setScene(scene);
        // The primary stage is shared by every TestFX test: its size follows this scene, not the last test's.
        stage.sizeToScene();
        stage.show();
    }

    @Test
    void aBadUrlIsDecoratedAndFixingItEnablesSave(FxRobot robot) throws Exception {
        TextField url = robot.lookup("#prometheus-url").queryAs(TextField.class);
        Button save = robot.lookup("#" + ConnectionsView.SAVE_BUTTON_ID).queryButton();
        assertThat(save.isDisabled()).isTrue();

        robot.clickOn(url).write("prometheus:9090");
        WaitForAsyncUtils.waitForFxEvents();

        Label problem = robot.lookup("#prometheus-url-problem").queryAs(Label.class);
        assertThat(url.getPseudoClassStates()).contains(Styles.STATE_DANGER);
        assertThat(problem.isVisible()).isTrue();
        assertThat(problem.getText()).contains("'prometheus:9090' is not an http:// or https:// URL");
        assertThat(url.getTooltip().getText()).isEqualTo(problem.getText());
        assertThat(save.isDisabled()).isTrue();

        robot.interact(() -> url.setText("http://prometheus:9090"));

        assertThat(url.getPseudoClassStates()).doesNotContain(Styles.STATE_DANGER);
        assertThat(problem.isVisible()).isFalse();
        assertThat(url.getTooltip().getText()).isEqualTo("Leave empty to use the embedded engine");
        assertThat(save.isDisabled()).isFalse();

        robot.clickOn("#prometheus-test");
        Label result = robot.lookup("#prometheus-result").queryAs(Label.class);
        assertThat(result.getText()).isEqualTo("✓ 28 ms · Prometheus 2.45.0");

        robot.clickOn(save);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Files.readString(workspace.resolve(ConnectionsFile.FILE))).contains("http://prometheus:9090");
        assertThat(save.isDisabled()).isTrue();
    }

    @Test
    void theTokenCanBeNamedAsAnOsSecretStoreEntryAndIsShownAsStored(FxRobot robot) {
        robot.interact(() -> {
            vm.prometheus().urlProperty().set("http://prometheus:9090");
            vm.prometheus().authProperty().set(AuthType.BEARER);
        });
        TextField variable = robot.lookup("#prometheus-token-env").queryAs(TextField.class);
        TextField entry = robot.lookup("#prometheus-token-secret").queryAs(TextField.class);
        ComboBox<?> source = robot.lookup("#prometheus-token-source").queryComboBox();
        assertThat(shown(variable)).isTrue();
        assertThat(shown(entry)).isFalse();

        robot.clickOn(source).clickOn(SecretSource.STORE.label());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(vm.prometheus().tokenSourceProperty().get()).isEqualTo(SecretSource.STORE);
        assertThat(shown(variable)).isFalse();
        assertThat(shown(entry)).isTrue();
        robot.clickOn(entry).write("prom-token");
        WaitForAsyncUtils.waitForFxEvents();

        Label status = robot.lookup("#prometheus-secret-status").queryAs(Label.class);
        assertThat(status.getText()).isEqualTo("entry 'prom-token' is stored in the test keyring");
        assertThat(status.getPseudoClassStates()).contains(Fields.OK);
        assertThat(robot.lookup("#" + ConnectionsView.SAVE_BUTTON_ID).queryButton().isDisabled()).isFalse();
    }

    /** Visible with every parent: the page hides a field by hiding its row. */
    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }
}
