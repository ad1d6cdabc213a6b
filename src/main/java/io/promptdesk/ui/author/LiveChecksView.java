package io.promptdesk.ui.author;

import io.promptdesk.ui.common.StyleClasses;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.util.Locale;

/** The side panel: rule badges and preview for the selected case, and the variables with missing values. */
public final class LiveChecksView extends VBox {

    public static final String BADGES_ID = "rule-badges";
    public static final String PREVIEW_ID = "preview";

    public LiveChecksView(AuthorViewModel vm) {
        super(6);
        getStyleClass().add(StyleClasses.PANEL);
        LiveChecks live = vm.live();
        TestCasesModel cases = vm.cases();

        Label checksTitle = title("");
        checksTitle.textProperty().bind(Bindings.createStringBinding(() -> {
            String selected = cases.selectedLabel();
            return selected == null ? "Rules (no case selected)" : "Rules for " + selected;
        }, cases.selectedProperty(), cases.cases()));
        FlowPane badges = new FlowPane(6, 6);
        badges.setId(BADGES_ID);
        live.badges().addListener((ListChangeListener<RuleBadge>) c -> fillBadges(badges, live));
        fillBadges(badges, live);

        ListView<VariableUsage> variables = new ListView<>(cases.usage());
        variables.setPlaceholder(new Label("No placeholders yet"));
        variables.setCellFactory(v -> new UsageCell());
        variables.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);
        variables.setPrefHeight(150);
        variables.setMinHeight(80);

        TextArea preview = new TextArea();
        preview.setId(PREVIEW_ID);
        preview.getStyleClass().add(StyleClasses.PREVIEW);
        preview.setEditable(false);
        preview.setWrapText(true);
        preview.textProperty().bind(live.previewProperty());
        Label previewProblem = new Label();
        previewProblem.getStyleClass().add(StyleClasses.NOTE);
        previewProblem.setWrapText(true);
        previewProblem.setMinHeight(Region.USE_PREF_SIZE);
        previewProblem.textProperty().bind(live.previewProblemProperty());
        previewProblem.visibleProperty().bind(live.previewProblemProperty().isNotNull());
        previewProblem.managedProperty().bind(previewProblem.visibleProperty());
        VBox.setVgrow(preview, Priority.ALWAYS);

        getChildren().addAll(checksTitle, badges, title("Variables"), variables, title("Preview"), previewProblem,
                preview);
    }

    private static void fillBadges(FlowPane pane, LiveChecks live) {
        pane.getChildren().setAll(live.badges().stream().map(LiveChecksView::badge).toList());
    }

    static Label badge(RuleBadge b) {
        Label l = new Label(b.rule());
        l.getStyleClass().addAll(StyleClasses.BADGE, badgeClass(b.status()));
        Tooltip tip = new Tooltip(b.rule() + ": " + b.status().name().toLowerCase(Locale.ROOT)
                + "\n" + b.details());
        tip.setShowDelay(Duration.millis(200));
        tip.setWrapText(true);
        tip.setMaxWidth(460);
        l.setTooltip(tip);
        return l;
    }

    static String badgeClass(RuleBadge.Status status) {
        return switch (status) {
            case PASS -> StyleClasses.BADGE_PASS;
            case WARN -> StyleClasses.BADGE_WARN;
            case FAIL -> StyleClasses.BADGE_FAIL;
        };
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(StyleClasses.PANEL_TITLE);
        return l;
    }

    private static final class UsageCell extends ListCell<VariableUsage> {
        @Override
        protected void updateItem(VariableUsage item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll(StyleClasses.VARIABLE_OK, StyleClasses.VARIABLE_MISSING);
            if (empty || item == null) {
                setText(null);
                return;
            }
            setText(item.variable() + "  -  " + item.describe());
            getStyleClass().add(item.complete() ? StyleClasses.VARIABLE_OK : StyleClasses.VARIABLE_MISSING);
        }
    }
}
