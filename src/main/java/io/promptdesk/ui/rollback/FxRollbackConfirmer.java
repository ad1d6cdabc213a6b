package io.promptdesk.ui.rollback;

import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.Optional;
import java.util.function.Supplier;

/** The confirmation dialog: what will happen, a reason field, and Cancel focused and default. */
public final class FxRollbackConfirmer implements RollbackConfirmer {
    public static final String REASON_ID = "rollback-reason";
    public static final String CONFIRM_ID = "rollback-confirm";
    public static final String CANCEL_ID = "rollback-cancel";

    private final Supplier<Window> owner;

    public FxRollbackConfirmer(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public Optional<String> confirm(String action, String defaultReason) {
        Dialog<String> dialog = new Dialog<>();
        dialog.initOwner(owner.get());
        dialog.setTitle("Confirm the rollback");
        dialog.setHeaderText(action + "?");
        ButtonType confirm = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(confirm, ButtonType.CANCEL);
        TextArea reason = new TextArea(defaultReason);
        reason.setId(REASON_ID);
        reason.setPrefRowCount(3);
        reason.setWrapText(true);
        Label note = new Label("Production switches to the target at once; the reason goes to the audit log.");
        note.setWrapText(true);
        dialog.getDialogPane().setContent(new VBox(8, note, new Label("Reason"), reason));
        Button ok = (Button) dialog.getDialogPane().lookupButton(confirm);
        ok.setId(CONFIRM_ID);
        ok.setDefaultButton(false);
        ok.getStyleClass().add(atlantafx.base.theme.Styles.DANGER);
        Button cancel = (Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL);
        cancel.setId(CANCEL_ID);
        cancel.setDefaultButton(true);
        // Enter in a hurry cancels: the rollback needs a deliberate click on its own button.
        dialog.setOnShown(e -> Platform.runLater(cancel::requestFocus));
        dialog.setResultConverter(b -> b == confirm ? reason.getText() : null);
        return dialog.showAndWait();
    }
}
