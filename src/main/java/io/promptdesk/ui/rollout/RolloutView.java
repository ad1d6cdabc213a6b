package io.promptdesk.ui.rollout;

import io.promptdesk.engine.rollout.RolloutStatus;
import io.promptdesk.ui.common.StyleClasses;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Rollout workspace: on the left the rollouts, the start form and the simulator; on the right the selected
 * rollout's stage timeline, actions, live health and events log. Builds nodes and binds them; nothing else.
 */
public final class RolloutView extends BorderPane {
    public static final String STYLESHEET = "/io/promptdesk/ui/rollout/rollout.css";
    public static final String STATUS_ID = "rollout-status";
    public static final String TIMELINE_ID = "rollout-timeline";
    public static final String START_TAB_ID = "rollout-start-tab";
    public static final String SIMULATOR_TAB_ID = "rollout-simulator-tab";

    public RolloutView(RolloutViewModel vm) {
        this(vm, null);
    }

    /** With {@code emergency} (the rollback button) at the right of the header, when not null. */
    public RolloutView(RolloutViewModel vm, javafx.scene.Node emergency) {
        getStyleClass().add(StyleClasses.ROLLOUT_WORKSPACE);
        getStylesheets().add(RolloutView.class.getResource(STYLESHEET).toExternalForm());

        Label listTitle = new Label("Rollouts");
        listTitle.getStyleClass().add(StyleClasses.PANEL_TITLE);
        Label active = new Label();
        active.getStyleClass().add(StyleClasses.NOTE);
        active.textProperty().bind(vm.messageProperty());
        active.setWrapText(true);
        RolloutListView list = new RolloutListView(vm);
        list.setPrefHeight(220);
        list.setMinHeight(100);
        Tab start = new Tab("Start a rollout", scrolling(new StartFormView(vm)));
        start.setId(START_TAB_ID);
        Tab simulator = new Tab("Simulator", scrolling(new SimulatorView(vm)));
        simulator.setId(SIMULATOR_TAB_ID);
        TabPane tools = new TabPane(start, simulator);
        tools.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tools, Priority.ALWAYS);
        VBox side = new VBox(6, listTitle, active, list, tools);
        side.getStyleClass().add(StyleClasses.ROLLOUT_SIDE);
        side.setMinWidth(300);
        side.setPrefWidth(340);

        SplitPane body = new SplitPane(new HealthChartsView(vm), new EventsView(vm));
        body.setOrientation(Orientation.VERTICAL);
        body.setDividerPositions(0.64);
        BorderPane main = new BorderPane(body);
        VBox top = new VBox(header(vm), timeline(vm), new RolloutActionsBar(vm));
        if (emergency != null) {
            top.getChildren().add(1, emergency);
        }
        main.setTop(top);

        SplitPane outer = new SplitPane(side, main);
        outer.setDividerPositions(0.27);
        SplitPane.setResizableWithParent(side, false);
        setCenter(outer);
        vm.load();
    }

    private static ScrollPane scrolling(javafx.scene.Node content) {
        ScrollPane pane = new ScrollPane(content);
        pane.setFitToWidth(true);
        return pane;
    }

    private static HBox header(RolloutViewModel vm) {
        Label title = new Label();
        title.getStyleClass().addAll(StyleClasses.TOOLBAR_TITLE, StyleClasses.ROLLOUT_TITLE);
        title.textProperty().bind(vm.titleProperty());
        Label status = new Label();
        status.setId(STATUS_ID);
        status.getStyleClass().add(StyleClasses.ROLLOUT_STATUS);
        status.textProperty().bind(vm.headlineProperty());
        status.visibleProperty().bind(vm.statusProperty().isNotNull());
        vm.statusProperty().addListener((obs, old, now) -> {
            for (RolloutStatus s : RolloutStatus.values()) {
                status.pseudoClassStateChanged(PseudoClass.getPseudoClass(s.key()), s == now);
            }
        });
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox box = new HBox(10, title, status, gap);
        box.getStyleClass().add("rollout-header");
        return box;
    }

    private static StageTimeline timeline(RolloutViewModel vm) {
        StageTimeline t = new StageTimeline();
        t.setId(TIMELINE_ID);
        Bindings.bindContent(t.getStages(), vm.stages());
        Bindings.bindContent(t.getVerdicts(), vm.verdicts());
        t.currentStageProperty().bind(vm.currentStageProperty());
        t.statusProperty().bind(vm.statusProperty());
        t.elapsedProperty().bind(vm.elapsedProperty());
        t.remainingProperty().bind(vm.remainingProperty());
        return t;
    }
}
