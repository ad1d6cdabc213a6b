package io.promptdesk.ui.author;

import io.promptdesk.ui.common.StyleClasses;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.stage.Popup;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.LineNumberFactory;
import org.fxmisc.richtext.event.MouseOverTextEvent;

import java.time.Duration;
import java.util.List;

/**
 * The template editor: a RichTextFX code area kept in step with the {@link TemplateDocument}, styled from its
 * highlights, with the syntax error under the mouse shown in a popup.
 */
public final class TemplateEditorView extends VirtualizedScrollPane<CodeArea> {

    public static final String EDITOR_ID = "template-editor";

    private final CodeArea area;
    private final Popup errorPopup = new Popup();
    private final Label errorLabel = new Label();

    public TemplateEditorView(TemplateDocument document) {
        super(new CodeArea());
        this.area = getContent();
        area.setId(EDITOR_ID);
        area.getStyleClass().add(StyleClasses.TEMPLATE_EDITOR);
        area.setWrapText(true);
        area.setParagraphGraphicFactory(LineNumberFactory.get(area));
        area.replaceText(document.text());
        area.moveTo(0);

        area.textProperty().addListener((obs, old, now) -> document.edit(now));
        document.textProperty().addListener((obs, old, now) -> {
            if (!now.equals(area.getText())) {
                area.replaceText(now);
                area.getUndoManager().forgetHistory();
                area.moveTo(0);
                area.requestFollowCaret();
            }
        });
        document.highlightsProperty().addListener((obs, old, now) -> applyStyles(now));
        applyStyles(document.highlightsProperty().get());

        errorLabel.getStyleClass().add(StyleClasses.ERROR_POPUP);
        errorLabel.setWrapText(true);
        errorLabel.setMaxWidth(420);
        errorPopup.getContent().add(errorLabel);
        area.setMouseOverTextDelay(Duration.ofMillis(350));
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_BEGIN, e -> {
            String message = document.problemAt(e.getCharacterIndex());
            if (message != null) {
                errorLabel.setText(message);
                Point2D at = e.getScreenPosition();
                errorPopup.show(area, at.getX(), at.getY() + 14);
            }
        });
        area.addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_END, e -> errorPopup.hide());
    }

    private void applyStyles(List<Highlight> highlights) {
        area.setStyleSpans(0, EditorSpans.of(highlights, area.getLength()));
    }

    /** Selects {@code [offset, offset + length)} and focuses the editor (a problem was picked). */
    public void reveal(int offset, int length) {
        int start = Math.min(offset, area.getLength());
        area.selectRange(start, Math.min(area.getLength(), start + Math.max(length, 0)));
        area.requestFollowCaret();
        area.requestFocus();
    }

    /** "Ln 3, Col 12" for the status bar. */
    public StringBinding caretPosition() {
        return Bindings.createStringBinding(
                () -> "Ln " + (area.getCurrentParagraph() + 1) + ", Col " + (area.getCaretColumn() + 1),
                area.caretPositionProperty());
    }

    public CodeArea area() {
        return area;
    }
}
