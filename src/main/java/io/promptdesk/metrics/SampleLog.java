package io.promptdesk.metrics;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;

/**
 * The requests of one version, in time order, as columns in one chunk per second (7 bytes a request), so a health
 * check can read every request of a window and old seconds are dropped whole. Not thread-safe: the owning
 * {@link SimulatedService} serialises access.
 */
final class SampleLog {
    static final byte ERROR = 1;
    static final byte ENGAGED = 2;

    private final ArrayDeque<Chunk> chunks = new ArrayDeque<>();

    void add(long epochMillis, float latencySeconds, byte flags) {
        long second = Math.floorDiv(epochMillis, 1000);
        Chunk last = chunks.peekLast();
        if (last == null || last.second != second) {
            last = new Chunk(second, last == null ? 64 : Math.max(64, last.n));
            chunks.addLast(last);
        }
        last.add((short) Math.floorMod(epochMillis, 1000), latencySeconds, flags);
    }

    /** Drops the seconds that end at or before {@code epochMillis}. */
    void dropBefore(long epochMillis) {
        long firstKept = Math.floorDiv(epochMillis, 1000);
        while (!chunks.isEmpty() && chunks.peekFirst().second < firstKept) {
            chunks.removeFirst();
        }
    }

    /** The metric's samples of the requests in [fromMillis, toMillis). */
    double[] samples(Metric metric, long fromMillis, long toMillis) {
        double[] out = new double[64];
        int size = 0;
        for (Iterator<Chunk> it = chunks.iterator(); it.hasNext(); ) {
            Chunk c = it.next();
            long base = c.second * 1000;
            if (base + 1000 <= fromMillis) {
                continue;
            }
            if (base >= toMillis) {
                break;
            }
            boolean whole = base >= fromMillis && base + 1000 <= toMillis;
            for (int i = 0; i < c.n; i++) {
                if (!whole) {
                    long t = base + c.offset[i];
                    if (t < fromMillis || t >= toMillis) {
                        continue;
                    }
                }
                if (size == out.length) {
                    out = Arrays.copyOf(out, size * 2);
                }
                out[size++] = switch (metric) {
                    case LATENCY_P95 -> c.latency[i];
                    case ERROR_RATE -> c.flags[i] & ERROR;
                    case ENGAGEMENT_RATE -> (c.flags[i] & ENGAGED) >> 1;
                };
            }
        }
        return Arrays.copyOf(out, size);
    }

    private static final class Chunk {
        final long second;
        int n;
        short[] offset;
        float[] latency;
        byte[] flags;

        Chunk(long second, int capacity) {
            this.second = second;
            offset = new short[capacity];
            latency = new float[capacity];
            flags = new byte[capacity];
        }

        void add(short millis, float lat, byte f) {
            if (n == offset.length) {
                int cap = n * 2;
                offset = Arrays.copyOf(offset, cap);
                latency = Arrays.copyOf(latency, cap);
                flags = Arrays.copyOf(flags, cap);
            }
            offset[n] = millis;
            latency[n] = lat;
            flags[n] = f;
            n++;
        }
    }
}
