package io.promptdesk.ui.rollback;

import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The Rollback workspace: the model, the emergency button with its target, an interrupted rollback to finish,
 * then the running or finished rollback beside the live post-rollback health chart. Builds nodes and binds them.
 */
public final class RollbackView extends BorderPane {
    public static final String STYLESHEET = "/io/promptdesk/ui/rollback/rollback.css";
    public static final String MODEL_ID = "rollback-model";
    public static final String FINISH_ID = "rollback-finish";
    public static final String EMPTY_ID = "rollback-empty";

    public RollbackView(RollbackViewModel vm) {
        getStyleClass().add("rollback-workspace");
        getStylesheets().add(RollbackView.class.getResource(STYLESHEET).toExternalForm());
        Label title = new Label("Emergency rollback");
        title.getStyleClass().add("toolbar-title");
        ComboBox<String> model = new ComboBox<>(vm.models());
        model.setId(MODEL_ID);
        model.valueProperty().bindBidirectional(vm.modelProperty());
        model.disableProperty().bind(vm.run().runningProperty());
        Button reload = new Button("Refresh");
        reload.setOnAction(e -> vm.load());
        HBox head = new HBox(10, title, new Label("Model"), model, reload);
        head.getStyleClass().add("rollback-head");
        Label message = new Label();
        message.getStyleClass().add("note");
        message.textProperty().bind(vm.messageProperty());
        VBox top = new VBox(8, head, new RollbackButton(vm), message, interrupted(vm));
        top.getStyleClass().add("rollback-top");
        setTop(top);

        SplitPane body = new SplitPane(new StackPane(emptyState(vm.run()), new RunPanel(vm.run())),
                new PostHealthChart(vm.run().postHealth()));
        body.setDividerPositions(0.5);
        setCenter(body);
        vm.load();
    }

    /** What will appear here and how to get there, until the first rollback of the session is shown. */
    private static VBox emptyState(RollbackRunModel run) {
        Label heading = new Label("No rollback in this session yet");
        heading.getStyleClass().add("panel-title");
        Label text = new Label("Choose the model above and press the rollback button: its steps (validate the "
                + "target, health before, the switch, health after) appear here as they are recorded, with the "
                + "30-second SLA counting down and the result against it. Earlier rollbacks are in History "
                + "(Ctrl+5); an interrupted one is offered above, to finish.");
        text.setWrapText(true);
        VBox box = new VBox(8, heading, text);
        box.setId(EMPTY_ID);
        box.getStyleClass().add("rollback-empty");
        box.visibleProperty().bind(run.shownProperty().not());
        return box;
    }

    private static HBox interrupted(RollbackViewModel vm) {
        Label text = new Label();
        text.setWrapText(true);
        text.textProperty().bind(vm.interruptedTextProperty());
        Button finish = new Button("Finish it");
        finish.setId(FINISH_ID);
        finish.disableProperty().bind(vm.canFinishProperty().not());
        finish.setOnAction(e -> vm.finishInterrupted());
        HBox box = new HBox(10, text, finish);
        box.getStyleClass().add("rollback-interrupted");
        box.visibleProperty().bind(vm.interruptedProperty().isNotNull());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }
}
