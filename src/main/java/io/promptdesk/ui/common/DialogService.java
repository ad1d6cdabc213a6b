package io.promptdesk.ui.common;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The one way view models talk to the person: notifications for outcomes, a concise dialog for failures,
 * confirmations and file choosers. Tests use a fake that records calls and returns scripted answers.
 */
public interface DialogService {

    /** A short, non-blocking message about an outcome (a run finished, a file was saved). */
    void notify(Outcome outcome, String title, String message);

    /** A failure the person must read: the message says what to do; {@code details} (may be null) is expandable. */
    void showError(String title, String message, Throwable details);

    /** Asks what to do with unsaved changes before they would be lost. */
    UnsavedChoice confirmUnsaved(String documentName);

    /** Asks for one line of text, offering {@code initial}; empty when cancelled. */
    Optional<String> askText(String title, String message, String initial);

    Optional<Path> chooseFileToOpen(String title, Path initialFolder, List<FileKind> kinds);

    Optional<Path> chooseFileToSave(String title, Path initialFolder, String initialName, List<FileKind> kinds);

    enum Outcome { INFO, SUCCESS, WARNING }

    enum UnsavedChoice { SAVE, DISCARD, CANCEL }

    /** A file-type filter: a description and extensions without the dot. */
    record FileKind(String description, List<String> extensions) {
        public FileKind {
            extensions = List.copyOf(extensions);
        }
    }
}
