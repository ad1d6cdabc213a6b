package io.promptdesk.ui;

import io.promptdesk.ui.author.AuthorView;
import io.promptdesk.ui.author.AuthorViewModel;
import io.promptdesk.ui.author.RegisterVersionModel;
import io.promptdesk.ui.common.StyleClasses;
import io.promptdesk.ui.common.Theme;
import io.promptdesk.ui.connections.ConnectionsView;
import io.promptdesk.ui.connections.ConnectionsViewModel;
import io.promptdesk.ui.connections.StoreSection;
import io.promptdesk.ui.pipeline.PipelineView;
import io.promptdesk.ui.pipeline.PipelineViewModel;
import io.promptdesk.ui.regression.RegressionView;
import io.promptdesk.ui.regression.RegressionViewModel;
import io.promptdesk.ui.common.WorkspaceNavigator;
import io.promptdesk.ui.history.HistoryView;
import io.promptdesk.ui.history.HistoryViewModel;
import io.promptdesk.ui.rollback.RollbackButton;
import io.promptdesk.ui.rollback.RollbackView;
import io.promptdesk.ui.rollback.RollbackViewModel;
import io.promptdesk.ui.rollout.RolloutView;
import io.promptdesk.ui.rollout.RolloutViewModel;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import org.controlsfx.control.StatusBar;

/** The console window's content: menu, workspace navigation, the chosen workspace, and a status bar. */
public final class MainWindow extends BorderPane {

    public static final String CONNECTION_STATUS_ID = "connection-status";
    public static final String STORE_STATUS_ID = "store-status";
    private static final javafx.css.PseudoClass UNREACHABLE = javafx.css.PseudoClass.getPseudoClass("unreachable");

    private final AuthorView authorView;
    private final WorkspaceNavigator navigator;

    public MainWindow(AuthorViewModel author, RegisterVersionModel registration, RegressionViewModel regression,
                      RolloutViewModel rollout, RollbackViewModel rollback, HistoryViewModel history,
                      PipelineViewModel pipeline, ConnectionsViewModel connections, Theme theme, Runnable quit) {
        this(author, registration, regression, rollout, rollback, history, pipeline, connections, null, theme, quit);
    }

    /** With the store in use named in the status bar and a Store section on the Connections page. */
    public MainWindow(AuthorViewModel author, RegisterVersionModel registration, RegressionViewModel regression,
                      RolloutViewModel rollout, RollbackViewModel rollback, HistoryViewModel history,
                      PipelineViewModel pipeline, ConnectionsViewModel connections, StoreSection store, Theme theme,
                      Runnable quit) {
        authorView = new AuthorView(author, registration);
        // One line per workspace, each built the first time it is shown.
        navigator = new WorkspaceNavigator()
                .add("Author", () -> authorView)
                .add("Regression", () -> new RegressionView(regression))
                .add("Rollout", () -> new RolloutView(rollout, new RollbackButton(rollback)))
                .add("Rollback", () -> new RollbackView(rollback))
                .add("History", () -> new HistoryView(history))
                .add("Pipeline", () -> new PipelineView(pipeline))
                .add("Connections", () -> new ConnectionsView(connections, store));

        setTop(MainMenu.create(author, registration, theme, quit, navigator.titles(), navigator::select));
        setCenter(navigator);
        setBottom(statusBar(author, connections, store));
    }

    private StatusBar statusBar(AuthorViewModel author, ConnectionsViewModel connections, StoreSection store) {
        StatusBar bar = new StatusBar();
        bar.textProperty().bind(author.statusProperty());
        bar.progressProperty().bind(Bindings.when(author.run().runningProperty())
                .then(author.run().progressProperty()).otherwise(0.0));
        Label problems = new Label();
        problems.textProperty().bind(Bindings.size(author.document().problems())
                .asString("%d problem(s)"));
        Label caret = new Label();
        caret.textProperty().bind(authorView.caretPosition());
        Label workspace = new Label(author.workspace().toString());
        Label engines = new Label();
        engines.setId(CONNECTION_STATUS_ID);
        engines.getStyleClass().add(StyleClasses.CONNECTION_STATUS);
        engines.textProperty().bind(connections.statusLineProperty());
        engines.setMinWidth(Region.USE_PREF_SIZE);
        engines.setTooltip(new Tooltip("The engines the workspace's connections name (promptdesk.yaml and the "
                + "PROMPTDESK_* variables), each with its last Test connection"));
        if (store != null) {
            Label storeLine = new Label();
            storeLine.setId(STORE_STATUS_ID);
            storeLine.getStyleClass().add(StyleClasses.CONNECTION_STATUS);
            storeLine.textProperty().bind(store.statusLineProperty());
            storeLine.setMinWidth(Region.USE_PREF_SIZE);
            storeLine.pseudoClassStateChanged(UNREACHABLE, !store.reachableProperty().get());
            store.reachableProperty().addListener((obs, was, now) ->
                    storeLine.pseudoClassStateChanged(UNREACHABLE, !now));
            Tooltip why = new Tooltip();
            why.textProperty().bind(Bindings.when(store.reachableProperty())
                    .then("Where the registry, rollouts, rollbacks and audit are kept")
                    .otherwise(store.problemProperty()));
            storeLine.setTooltip(why);
            bar.getRightItems().addAll(storeLine, new Separator(Orientation.VERTICAL));
        }
        bar.getRightItems().addAll(engines, new Separator(Orientation.VERTICAL), problems,
                new Separator(Orientation.VERTICAL), caret, new Separator(Orientation.VERTICAL), workspace);
        return bar;
    }

    /** Shows the workspace titled {@code title}; false when there is none. */
    public boolean showWorkspace(String title) {
        return navigator.select(title);
    }

    public AuthorView authorView() {
        return authorView;
    }
}
