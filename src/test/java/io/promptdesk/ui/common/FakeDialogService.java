package io.promptdesk.ui.common;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** Records what the view model said and answers with scripted choices. */
public final class FakeDialogService implements DialogService {

    public record Shown(String kind, String title, String message, Throwable details) {
    }

    public final List<Shown> shown = new ArrayList<>();
    public final Deque<UnsavedChoice> unsavedAnswers = new ArrayDeque<>();
    public final Deque<Path> fileAnswers = new ArrayDeque<>();
    /** Answers to text questions; when empty, the offered text is accepted. */
    public final Deque<Optional<String>> textAnswers = new ArrayDeque<>();
    public int unsavedQuestions;

    @Override
    public void notify(Outcome outcome, String title, String message) {
        shown.add(new Shown(outcome.name(), title, message, null));
    }

    @Override
    public void showError(String title, String message, Throwable details) {
        shown.add(new Shown("ERROR", title, message, details));
    }

    @Override
    public UnsavedChoice confirmUnsaved(String documentName) {
        unsavedQuestions++;
        return unsavedAnswers.isEmpty() ? UnsavedChoice.CANCEL : unsavedAnswers.poll();
    }

    @Override
    public Optional<String> askText(String title, String message, String initial) {
        shown.add(new Shown("ASK", title, message + " [" + initial + "]", null));
        return textAnswers.isEmpty() ? Optional.ofNullable(initial) : textAnswers.poll();
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, Path initialFolder, List<FileKind> kinds) {
        return Optional.ofNullable(fileAnswers.poll());
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, Path initialFolder, String initialName,
                                           List<FileKind> kinds) {
        return Optional.ofNullable(fileAnswers.poll());
    }

    public List<Shown> errors() {
        return shown.stream().filter(s -> s.kind().equals("ERROR")).toList();
    }

    public Shown last() {
        return shown.get(shown.size() - 1);
    }
}
