package io.promptdesk.figures;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The machine the figures were measured on, as the header names it.
 *
 * @param cores       processors the JVM sees
 * @param memoryBytes physical memory, or 0 when unknown
 * @param os          operating system, e.g. "Debian GNU/Linux 12 (bookworm)"
 * @param cpu         CPU model from /proc/cpuinfo, or null where there is none
 */
record Machine(int cores, long memoryBytes, String os, String cpu) {

    /** "2 cores (AMD EPYC), 24 GiB, Debian GNU/Linux 12 (bookworm)". */
    String describe() {
        StringBuilder s = new StringBuilder().append(cores).append(cores == 1 ? " core" : " cores");
        if (cpu != null && !cpu.isBlank()) {
            s.append(" (").append(cpu.strip()).append(')');
        }
        if (memoryBytes > 0) {
            s.append(", ").append(Math.round(memoryBytes / (double) (1L << 30))).append(" GiB");
        }
        return s.append(", ").append(os).toString();
    }

    /** This machine: /proc and /etc/os-release on Linux, the JVM's view elsewhere. */
    static Machine fromSystem() {
        long memory = proc("/proc/meminfo", "MemTotal:")
                .map(v -> Long.parseLong(v.replaceAll("[^0-9]", "")) * 1024)
                .orElseGet(Machine::jvmMemory);
        String os = proc("/etc/os-release", "PRETTY_NAME=")
                .map(v -> v.replace("\"", ""))
                .orElse(System.getProperty("os.name") + " " + System.getProperty("os.version"));
        String cpu = proc("/proc/cpuinfo", "model name").map(v -> v.substring(v.indexOf(':') + 1).strip()).orElse(null);
        return new Machine(Runtime.getRuntime().availableProcessors(), memory, os, cpu);
    }

    private static long jvmMemory() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getTotalMemorySize() : 0;
    }

    /** The rest of the first line of {@code file} starting with {@code key}. */
    private static Optional<String> proc(String file, String key) {
        try {
            List<String> lines = Files.readAllLines(Path.of(file));
            return lines.stream().filter(l -> l.startsWith(key)).findFirst()
                    .map(l -> l.substring(key.length()).strip());
        } catch (IOException e) {
            // Not Linux, or not readable: the caller falls back to what the JVM knows.
            return Optional.empty();
        }
    }
}
