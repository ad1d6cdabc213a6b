package io.promptdesk.ui.rollback;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;

/** {@link SlaTicker} on a JavaFX timeline: ten ticks a second, on the FX thread, while a rollback runs. */
public final class FxSlaTicker implements SlaTicker {
    private Timeline timeline;

    @Override
    public void start(Runnable tick) {
        stop();
        timeline = new Timeline(new KeyFrame(Duration.millis(100), e -> tick.run()));
        timeline.setCycleCount(Animation.INDEFINITE);
        timeline.play();
    }

    @Override
    public void stop() {
        if (timeline != null) {
            timeline.stop();
            timeline = null;
        }
    }
}
