package io.promptdesk.ui.connections;

import atlantafx.base.theme.Styles;
import io.promptdesk.ui.common.RoleLock;
import io.promptdesk.ui.common.StyleClasses;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.Objects;

/** The Connections workspace: Prometheus, MLflow and the router, with Save and "Test connection". */
public final class ConnectionsView extends BorderPane {
    public static final String STYLESHEET = "/io/promptdesk/ui/connections/connections.css";
    public static final String SAVE_BUTTON_ID = "connections-save";

    public ConnectionsView(ConnectionsViewModel vm) {
        this(vm, null);
    }

    /** With the Store section when {@code store} is given. */
    public ConnectionsView(ConnectionsViewModel vm, StoreSection store) {
        getStyleClass().add(StyleClasses.CONNECTIONS_PAGE);
        getStylesheets().add(Objects.requireNonNull(ConnectionsView.class.getResource(STYLESHEET)).toExternalForm());

        Label title = new Label("Connections");
        title.getStyleClass().add(Styles.TITLE_3);
        Label where = new Label("Saved in " + vm.workspaceFile() + ". Secrets stay in environment variables or the "
                + "OS secret store: only their names are written.");
        where.getStyleClass().add(StyleClasses.NOTE);
        where.setWrapText(true);
        Label loadProblem = Fields.note(StyleClasses.FORM_PROBLEM, vm.loadProblemProperty());

        VBox engines = new VBox(10,
                new EndpointFormView("Metrics: Prometheus", "prometheus", "http://prometheus:9090 (empty: embedded)",
                        vm.prometheus(), vm.prometheusTest(), () -> vm.chooseCaFile(vm.prometheus())),
                new EndpointFormView("Registry: MLflow", "mlflow", "http://mlflow:5000 (empty: embedded)",
                        vm.mlflow(), vm.mlflowTest(), () -> vm.chooseCaFile(vm.mlflow())));
        engines.setPrefWidth(760);
        HBox.setHgrow(engines, Priority.ALWAYS);
        RouterFormView router = new RouterFormView(vm.router());
        router.setPrefWidth(440);
        router.setMinWidth(360);
        // Side by side: the whole page fits the window without scrolling.
        VBox side = new VBox(10, router);
        if (store != null) {
            StoreSectionView storeView = new StoreSectionView(store);
            storeView.setPrefWidth(440);
            side.getChildren().add(storeView);
        }
        HBox sections = new HBox(10, engines, side);
        VBox page = new VBox(8, title, where, loadProblem, sections);
        page.setPadding(new Insets(12, 16, 12, 16));
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        setCenter(scroll);

        Button save = new Button("Save");
        save.setId(SAVE_BUTTON_ID);
        save.getStyleClass().add(Styles.ACCENT);
        save.setDefaultButton(true);
        save.disableProperty().bind(vm.canSaveProperty().not());
        save.setOnAction(e -> vm.save());
        Button revert = new Button("Revert");
        revert.disableProperty().bind(vm.dirtyProperty().not());
        revert.setOnAction(e -> vm.revert());
        Button testAll = new Button("Test all");
        testAll.disableProperty().bind(vm.canTestAnyProperty().not());
        testAll.setOnAction(e -> vm.testAll());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox actions = new HBox(8, testAll, gap, revert, RoleLock.lock(save, vm.savingLocked()));
        actions.getStyleClass().add(StyleClasses.CONNECTIONS_ACTIONS);
        setBottom(actions);
    }
}
