package com.dialtone.bench.load;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** One latency measured by many threads at once, in microseconds, with HdrHistogram (3 significant digits). */
final class Latency {

    private final String name;
    private final Recorder recorder = new Recorder(3);
    private Histogram total;

    Latency(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    void record(long fromNanos, long toNanos) {
        recorder.recordValue(Math.max(0, TimeUnit.NANOSECONDS.toMicros(toNanos - fromNanos)));
    }

    /** Forgets what was recorded so far: the end of the warm-up. */
    void reset() {
        recorder.reset();
    }

    /** What was recorded since the last reset; called once, at the end of the measured window. */
    Histogram histogram() {
        if (total == null) {
            total = recorder.getIntervalHistogram();
        }
        return total;
    }
}
