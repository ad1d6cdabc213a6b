package io.promptdesk.ui;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * For the README: with {@code -Dpromptdesk.screenshot=PATH} the console saves its window as PNG once it is
 * ready and exits.
 */
final class Screenshot {

    static final String PROPERTY = "promptdesk.screenshot";
    private static final Logger LOG = LoggerFactory.getLogger(Screenshot.class);

    private Screenshot() {
    }

    static Path requested() {
        String value = System.getProperty(PROPERTY);
        return value == null || value.isBlank() ? null : Path.of(value);
    }

    /** Saves the scene after the next layout pulse, then exits. */
    static void takeAfterLayout(Scene scene, Path target) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            Platform.runLater(() -> save(scene, target));
        };
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }

    private static void save(Scene scene, Path target) {
        WritableImage image = scene.snapshot(null);
        try {
            if (target.toAbsolutePath().getParent() != null) {
                Files.createDirectories(target.toAbsolutePath().getParent());
            }
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", target.toFile());
            LOG.info("screenshot saved to {}", target.toAbsolutePath());
        } catch (IOException e) {
            LOG.error("cannot save the screenshot to {}: {}", target, e.getMessage());
        }
        Platform.exit();
    }
}
