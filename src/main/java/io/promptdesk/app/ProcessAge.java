package io.promptdesk.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * How long ago this process started, for the start-up figure. On Linux both ends come from the same clock
 * ({@code /proc/uptime} and the process's start in clock ticks), good to 10 ms; {@link ProcessHandle}'s start
 * instant adds the boot time, which Linux gives only in whole seconds, so it can be off by up to a second.
 * Cheaper than the management bean, which loads JMX just to tell the start time.
 */
public final class ProcessAge {
    /** Clock ticks per second of /proc/self/stat: 100 on every Linux architecture in use. */
    private static final double TICKS_PER_SECOND = 100;

    private ProcessAge() {
    }

    /** Milliseconds since this process started, or -1 when it cannot be told. */
    public static long millis() {
        try {
            return fromProc(Files.readString(Path.of("/proc/uptime")), Files.readString(Path.of("/proc/self/stat")));
        } catch (IOException | RuntimeException e) {
            return ProcessHandle.current().info().startInstant()
                    .map(t -> Duration.between(t, Instant.now()).toMillis()).orElse(-1L);
        }
    }

    /**
     * @param uptime the text of /proc/uptime: seconds since boot, first
     * @param stat   the text of /proc/self/stat: the start time in ticks is field 22, counted after the command
     *               name, which is in parentheses and may hold spaces
     */
    static long fromProc(String uptime, String stat) {
        double now = Double.parseDouble(uptime.strip().split("\\s+")[0]);
        String[] afterName = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // Field 3 (state) is the first after the name, so field 22 is index 19.
        double started = Long.parseLong(afterName[19]) / TICKS_PER_SECOND;
        return Math.round((now - started) * 1000);
    }
}
