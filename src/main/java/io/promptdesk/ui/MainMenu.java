package io.promptdesk.ui;

import io.promptdesk.ui.author.AuthorViewModel;
import io.promptdesk.ui.author.RegisterVersionModel;
import io.promptdesk.ui.common.Theme;
import javafx.collections.ListChangeListener;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

import java.nio.file.Path;

/** File, Run and View menus; every item forwards to a view-model intent. */
final class MainMenu {

    private MainMenu() {
    }

    static MenuBar create(AuthorViewModel author, RegisterVersionModel registration, Theme theme, Runnable quit) {
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
        Menu view = new Menu("View", null, dark);
        return new MenuBar(file, runMenu, view);
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
