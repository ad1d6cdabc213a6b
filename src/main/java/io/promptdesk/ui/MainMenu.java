package io.promptdesk.ui;

import io.promptdesk.ui.author.AuthorViewModel;
import io.promptdesk.ui.author.RegisterVersionModel;
import io.promptdesk.ui.common.Theme;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Alert;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** File, Run and View menus; every item forwards to a view-model intent. */
final class MainMenu {

    private MainMenu() {
    }

    /** The digit keys of the first nine workspaces' shortcuts (Ctrl/Cmd+1 ... 9). */
    private static final KeyCode[] DIGITS = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4,
        KeyCode.DIGIT5, KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9};
    public static final String SHORTCUTS_ID = "keyboard-shortcuts";

    /**
     * @param workspaces the workspaces' titles in their order: View gets one item each, on Ctrl/Cmd+1 ...
     * @param show       shows the workspace with that title
     */
    static MenuBar create(AuthorViewModel author, RegisterVersionModel registration, Theme theme, Runnable quit,
                          List<String> workspaces, Consumer<String> show) {
        MenuItem newItem = item("New", new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN),
                author::newTemplate);
        MenuItem open = item("Open...", new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN),
                author::openWithChooser);
        Menu recent = new Menu("Open Recent");
        author.recentFiles().addListener((ListChangeListener<Path>) c -> fillRecent(recent, author));
        fillRecent(recent, author);
        MenuItem save = item("Save", new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN),
                author::save);
        MenuItem saveAs = item("Save As...", new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), author::saveAs);
        MenuItem register = item("Register as New Version...", new KeyCodeCombination(KeyCode.R,
                KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), registration::register);
        register.disableProperty().bind(registration.canRegisterProperty().not());
        MenuItem quitItem = item("Quit", new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), quit);
        Menu file = new Menu("File", null, newItem, open, recent, new SeparatorMenuItem(), save, saveAs,
                new SeparatorMenuItem(), register, new SeparatorMenuItem(), quitItem);

        MenuItem run = item("Run tests", new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN),
                author::runTests);
        run.disableProperty().bind(author.run().runningProperty());
        MenuItem rerun = item("Re-run failed", null, author::rerunFailed);
        rerun.disableProperty().bind(author.run().runningProperty().or(author.run().hasFailuresProperty().not()));
        MenuItem cancel = item("Cancel", null, author::cancelRun);
        cancel.disableProperty().bind(author.run().runningProperty().not());
        Menu runMenu = new Menu("Run", null, run, rerun, cancel);

        CheckMenuItem dark = new CheckMenuItem("Dark theme");
        dark.selectedProperty().bindBidirectional(theme.darkProperty());
        Menu view = new Menu("View");
        for (int i = 0; i < workspaces.size(); i++) {
            String title = workspaces.get(i);
            MenuItem go = item(title, i < DIGITS.length ? new KeyCodeCombination(DIGITS[i],
                    KeyCombination.SHORTCUT_DOWN) : null, () -> show.accept(title));
            go.setId("view-" + title.toLowerCase(java.util.Locale.ROOT));
            view.getItems().add(go);
        }
        view.getItems().addAll(new SeparatorMenuItem(), dark);

        MenuBar bar = new MenuBar(file, runMenu, view);
        MenuItem shortcuts = new MenuItem("Keyboard shortcuts");
        shortcuts.setId(SHORTCUTS_ID);
        shortcuts.setOnAction(e -> showShortcuts(bar));
        bar.getMenus().add(new Menu("Help", null, shortcuts));
        return bar;
    }

    /** Every accelerator of the menus, as the menus define them: the list cannot drift from the keys. */
    static List<String> shortcuts(MenuBar bar) {
        List<String> out = new ArrayList<>();
        for (Menu m : bar.getMenus()) {
            for (MenuItem i : m.getItems()) {
                if (i.getAccelerator() != null) {
                    out.add(i.getAccelerator().getDisplayText() + "  " + m.getText() + " > " + i.getText());
                }
            }
        }
        return out;
    }

    private static void showShortcuts(MenuBar bar) {
        Alert a = new Alert(Alert.AlertType.INFORMATION);
        a.setTitle("Keyboard shortcuts");
        a.setHeaderText("Keyboard shortcuts");
        Label list = new Label(String.join("\n", shortcuts(bar)));
        list.setId(SHORTCUTS_ID + "-list");
        list.setWrapText(true);
        a.getDialogPane().setContent(list);
        if (bar.getScene() != null) {
            a.initOwner(bar.getScene().getWindow());
        }
        a.show();
    }

    private static void fillRecent(Menu menu, AuthorViewModel author) {
        menu.getItems().clear();
        for (Path p : author.recentFiles()) {
            MenuItem item = new MenuItem(p.getFileName() + "   " + p.getParent());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> author.openTemplate(p));
            menu.getItems().add(item);
        }
        menu.setDisable(menu.getItems().isEmpty());
    }

    private static MenuItem item(String text, KeyCombination accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setAccelerator(accelerator);
        item.setOnAction(e -> action.run());
        return item;
    }
}
