package com.dialtone.server.diagnostics;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Whether the server can do its work now (docs/operations.md, "Health"): the named parts it needs (the
 * database, the switch, and the SIP listener when one is configured) each answer a check. A check runs on
 * its own thread with a time limit, and at most one of each at a time: a database that hangs makes the
 * probe answer "no answer within 2s" at once instead of piling threads up behind it.
 */
public final class Readiness implements AutoCloseable {

    /** One part's check: returns normally when the part works, throws to say why it does not. */
    @FunctionalInterface
    public interface Check {
        void verify() throws Exception;
    }

    public static final Duration TIME_LIMIT = Duration.ofSeconds(2);

    private final Map<String, Check> checks = new LinkedHashMap<>();
    private final Map<String, CompletableFuture<Void>> running = new ConcurrentHashMap<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "dialtone-readiness");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean stopping;

    /** Adds a part that must be up for the server to be ready; before the server starts. */
    public synchronized Readiness require(String name, Check check) {
        checks.put(name, check);
        return this;
    }

    /** The server is stopping: not ready any more, whatever the parts say. */
    public void stopping() {
        stopping = true;
    }

    /** Each part's state, in the order they were added: {@code UP}, or {@code DOWN: why}. */
    public Map<String, String> check() {
        Map<String, Check> parts;
        synchronized (this) {
            parts = new LinkedHashMap<>(checks);
        }
        Map<String, CompletableFuture<Void>> started = new LinkedHashMap<>();
        // A check still running is waited for again rather than started twice; a finished one is replaced.
        // (Not computeIfAbsent with a removal on completion: a check that fails at once completes inside the
        // mapping function, its removal is lost, and its failure would be answered for ever.)
        parts.forEach((name, check) -> started.put(name, running.compute(name,
                (n, current) -> current != null && !current.isDone() ? current : start(check))));
        long deadline = System.nanoTime() + TIME_LIMIT.toNanos();
        Map<String, String> states = new LinkedHashMap<>();
        started.forEach((name, result) -> states.put(name, state(result, deadline)));
        if (stopping) {
            states.put("server", "DOWN: stopping");
        }
        return states;
    }

    private CompletableFuture<Void> start(Check check) {
        return CompletableFuture.runAsync(() -> {
            try {
                check.verify();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }, threads);
    }

    /** Whether every part is up. */
    public static boolean allUp(Map<String, String> states) {
        return states.values().stream().allMatch("UP"::equals);
    }

    private static String state(CompletableFuture<Void> result, long deadline) {
        try {
            result.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return "UP";
        } catch (TimeoutException e) {
            return "DOWN: no answer within " + TIME_LIMIT.toSeconds() + "s";
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof IllegalStateException wrapped && wrapped.getCause() != null ? wrapped.getCause() : e.getCause();
            return "DOWN: " + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "DOWN: interrupted";
        }
    }

    @Override
    public void close() {
        stopping = true;
        threads.shutdownNow();
    }
}
