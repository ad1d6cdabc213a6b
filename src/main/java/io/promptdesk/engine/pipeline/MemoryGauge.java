package io.promptdesk.engine.pipeline;

/** Heap in use, in bytes: the JVM's by default; tests give their own to make the guard trip deterministically. */
@FunctionalInterface
public interface MemoryGauge {
    long usedBytes();

    static MemoryGauge runtime() {
        return () -> {
            Runtime rt = Runtime.getRuntime();
            return rt.totalMemory() - rt.freeMemory();
        };
    }
}
