package com.dialtone.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time a process has used (user + system), from Linux's {@code /proc/<pid>/stat}, so a run can say how
 * the machine's cores were shared between the server and the load generator.
 */
final class ProcessCpu {

    /** USER_HZ: Linux reports CPU time in these ticks on every architecture it runs on here. */
    private static final long TICKS_PER_SECOND = 100;

    private ProcessCpu() {
    }

    /** Nanoseconds of CPU, or -1 when unknown (no such process, not Linux). */
    static long nanos(long pid) {
        return pid <= 0 ? -1 : nanos(Path.of("/proc", Long.toString(pid), "stat"));
    }

    /**
     * CPU nanoseconds of each of the process's threads, summed by thread name with digits folded
     * ({@code qtp123-45} and {@code qtp123-46} are both {@code qtp#-#}): which kinds of thread are busy.
     */
    static Map<String, Long> byThread(long pid) {
        Map<String, Long> threads = new HashMap<>();
        if (pid <= 0) {
            return threads;
        }
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            tasks.forEach(task -> {
                try {
                    String name = Files.readString(task.resolve("comm")).trim().replaceAll("\\d+", "#");
                    long nanos = nanos(task.resolve("stat"));
                    if (nanos > 0) {
                        threads.merge(name, nanos, Long::sum);
                    }
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            });
        } catch (IOException e) {
            // the process ended
        }
        return threads;
    }

    private static long nanos(Path stat) {
        try {
            String text = Files.readString(stat);
            // Fields after the command name, which is in parentheses and may contain spaces.
            String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
            return ticks * (1_000_000_000L / TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
