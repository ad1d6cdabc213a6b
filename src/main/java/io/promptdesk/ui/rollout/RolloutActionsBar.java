package io.promptdesk.ui.rollout;

import atlantafx.base.theme.Styles;
import io.promptdesk.model.GuardedAction;
import io.promptdesk.ui.common.RoleLock;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;

/**
 * The intents on the selected rollout. Each button is enabled by its view-model binding, which follows the
 * rollout state machine; the reason and force inputs bind to the view model too.
 */
final class RolloutActionsBar extends ToolBar {
    public static final String ADVANCE_ID = "rollout-advance";
    public static final String PAUSE_ID = "rollout-pause";
    public static final String RESUME_ID = "rollout-resume";
    public static final String COMPLETE_ID = "rollout-complete";
    public static final String ABORT_ID = "rollout-abort";
    public static final String REASON_ID = "rollout-reason";
    public static final String FORCE_ID = "rollout-force";

    RolloutActionsBar(RolloutViewModel vm) {
        ComboBox<Integer> target = new ComboBox<>(vm.advanceTargets());
        target.valueProperty().bindBidirectional(vm.advanceTargetProperty());
        target.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer p) {
                return p == null ? "" : p + "%";
            }

            @Override
            public Integer fromString(String s) {
                return s == null || s.isBlank() ? null : Integer.valueOf(s.replace("%", "").strip());
            }
        });
        target.setTooltip(new Tooltip("The stage to move the canary to"));
        Button advance = button(ADVANCE_ID, "Advance", vm.canAdvanceProperty(), vm::advance,
                "Move to the chosen stage after a health check (or without one when forced)");
        CheckBox force = new CheckBox("Force");
        force.setId(FORCE_ID);
        force.selectedProperty().bindBidirectional(vm.forceProperty());
        force.setTooltip(new Tooltip("Skip the health check of an advance or completion; needs a reason"));
        TextField reason = new TextField();
        reason.setId(REASON_ID);
        reason.setPromptText("Reason");
        reason.setTooltip(new Tooltip("Why you pause, abort or force: recorded with the transition"));
        reason.textProperty().bindBidirectional(vm.reasonProperty());
        reason.setPrefWidth(210);
        Button pause = button(PAUSE_ID, "Pause", vm.canPauseProperty(), vm::pause,
                "Hold traffic at this stage and stop the stage clock");
        Button resume = button(RESUME_ID, "Resume", vm.canResumeProperty(), vm::resume,
                "Continue; the stage clock goes on where it stopped");
        Button complete = button(COMPLETE_ID, "Complete", vm.canCompleteProperty(), vm::complete,
                "All traffic to the new version after a final health check (skipped when forced)");
        Button abort = button(ABORT_ID, "Abort", vm.canAbortProperty(), vm::abort,
                "Send all traffic back to the stable version");
        abort.getStyleClass().add(Styles.DANGER);
        advance.getStyleClass().add(Styles.ACCENT);
        getItems().addAll(target, RoleLock.lock(advance, vm.whyNot(GuardedAction.ADVANCE_ROLLOUT)), force, reason,
                new Separator(Orientation.VERTICAL), RoleLock.lock(pause, vm.whyNot(GuardedAction.PAUSE_ROLLOUT)),
                RoleLock.lock(resume, vm.whyNot(GuardedAction.RESUME_ROLLOUT)),
                RoleLock.lock(complete, vm.whyNot(GuardedAction.COMPLETE_ROLLOUT)),
                RoleLock.lock(abort, vm.whyNot(GuardedAction.ABORT_ROLLOUT)));
    }

    private static Button button(String id, String text, ObservableBooleanValue enabled, Runnable action,
                                 String tip) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.disableProperty().bind(Bindings.not(enabled));
        b.setOnAction(e -> action.run());
        return b;
    }
}
