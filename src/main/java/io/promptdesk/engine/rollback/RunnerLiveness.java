package io.promptdesk.engine.rollback;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Who runs a rollback, and whether that runner is gone. A runner is a controller in a process:
 * {@code host/pid/process-start/nonce}. A process on this host that has exited (killed, crashed) is gone; a
 * process elsewhere is never declared gone here (the deadline decides for those).
 */
public interface RunnerLiveness {

    /** This controller's runner id. */
    String self();

    /** True when {@code owner}'s process is known to have stopped. */
    boolean isGone(String owner);

    /** Live processes of this operating system, checked through {@link ProcessHandle}. */
    static RunnerLiveness ofProcess() {
        return new ProcessLiveness();
    }

    final class ProcessLiveness implements RunnerLiveness {
        private final String host = host();
        private final long pid = ProcessHandle.current().pid();
        private final String self;

        ProcessLiveness() {
            self = host + "/" + pid + "/" + startMillis(ProcessHandle.current()) + "/"
                    + UUID.randomUUID().toString().substring(0, 8);
        }

        @Override
        public String self() {
            return self;
        }

        @Override
        public boolean isGone(String owner) {
            String[] p = owner.split("/");
            if (p.length != 4 || !p[0].equals(host)) {
                return false;
            }
            long ownerPid;
            try {
                ownerPid = Long.parseLong(p[1]);
            } catch (NumberFormatException e) {
                return false;
            }
            if (ownerPid == pid) {
                return false;
            }
            Optional<ProcessHandle> h = ProcessHandle.of(ownerPid);
            // A pid reused by a later process does not keep the dead owner alive: its start time differs.
            return h.isEmpty() || !h.get().isAlive() || !Long.toString(startMillis(h.get())).equals(p[2]);
        }

        private static long startMillis(ProcessHandle h) {
            return h.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        }

        private static String host() {
            String h;
            try {
                h = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.net.UnknownHostException e) {
                h = "localhost";
            }
            return h.replace('/', '_');
        }
    }
}
