package io.promptdesk.ui;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds texts a person cannot read whole: every visible labelled control (label, button, cell, header ...) whose
 * shown text JavaFX cut short with an ellipsis because it did not fit. Call on the FX thread.
 */
public final class Truncation {
    private Truncation() {
    }

    /** Each cut-off text below {@code root}, described with {@code where} it was seen. */
    public static List<String> truncated(Parent root, String where) {
        root.applyCss();
        root.layout();
        List<String> out = new ArrayList<>();
        visit(root, where, out);
        return out;
    }

    private static void visit(Node n, String workspace, List<String> out) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) {
            for (Node c : l.getChildrenUnmodifiable()) {
                if (c instanceof Text t && !l.getText().equals(t.getText())
                        && (t.getText().endsWith("...") || t.getText().endsWith("\u2026"))) {
                    out.add(workspace + ": " + l.getClass().getSimpleName() + (l.getId() == null ? "" : "#" + l.getId())
                            + " '" + l.getText() + "' shown as '" + t.getText() + "'");
                }
            }
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                visit(c, workspace, out);
            }
        }
    }
}
