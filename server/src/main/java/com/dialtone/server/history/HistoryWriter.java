package com.dialtone.server.history;

import com.dialtone.server.storage.Database;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the call history on one thread of its own, so that neither the switch's thread nor a request
 * thread ever waits for the database. It takes everything queued at once, keeps only the latest record
 * of each call (each is whole), and writes it all in one transaction: one commit, however many calls.
 * Under load the queue fills while a commit is under way, so the next commit covers many calls (group
 * commit): a commit's cost is paid per batch, not per call, which is why the durability promise costs
 * latency (a release waits for one commit) but not throughput.
 *
 * <p>Each write's future completes once its commit has returned: from then on, it survives the process
 * being killed (docs/call-history.md, "Durability"). A write that fails is logged at ERROR with its call
 * ids; a call record's future completes normally all the same, because a notification waits on it and
 * must not wait forever. An interaction update's future completes exceptionally, so that its UCS
 * response can say it failed.
 */
public final class HistoryWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HistoryWriter.class);
    /** Enough to make a commit worth it, few enough to keep one transaction short. */
    private static final int MAX_BATCH = 1000;
    /** How long closing waits for the queue to be written. */
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);

    private final Database database;
    private final LinkedBlockingQueue<Job> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong callsWritten = new AtomicLong();
    private volatile boolean closed;

    /** Something to write, and whom to tell when it is written. */
    private sealed interface Job permits CallJob, InteractionJob, Stop {
    }

    private record CallJob(CallRecord record, boolean first, CompletableFuture<Void> written) implements Job {
    }

    private record InteractionJob(InteractionUpdate update, CompletableFuture<Void> written) implements Job {
    }

    private enum Stop implements Job { STOP }

    public HistoryWriter(Database database) {
        this.database = database;
        this.thread = new Thread(this::run, "dialtone-history");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues the call's record; the future completes once it is committed (or the write failed, logged). */
    public CompletableFuture<Void> submit(CallRecord record) {
        return submit(record, false);
    }

    /**
     * Queues the call's record.
     *
     * @param first true if nothing of this call was submitted before, so that it is inserted without
     *              looking for an older row first (see {@link HistoryStore#writeCalls(java.sql.Connection, java.util.Collection, java.util.Set)})
     */
    public CompletableFuture<Void> submit(CallRecord record, boolean first) {
        CompletableFuture<Void> written = new CompletableFuture<>();
        enqueue(new CallJob(record, first, written));
        return written;
    }

    /** Queues the update; the future completes once it is committed, or exceptionally if the write failed. */
    public CompletableFuture<Void> submit(InteractionUpdate update) {
        CompletableFuture<Void> written = new CompletableFuture<>();
        enqueue(new InteractionJob(update, written));
        return written;
    }

    /** How many transactions have been committed, and how many call records they wrote; for tests and diagnostics. */
    public Stats stats() {
        return new Stats(commits.get(), callsWritten.get(), queue.size());
    }

    /**
     * @param commits      transactions committed so far
     * @param callsWritten call records written so far (after coalescing)
     * @param queued       jobs waiting to be taken now
     */
    public record Stats(long commits, long callsWritten, int queued) {
    }

    private void enqueue(Job job) {
        if (closed) {
            // After close (the switch has stopped, the database is about to): nothing will take it.
            LOG.warn("history write after the server began closing, not written: {}", describe(List.of(job)));
            finishFailed(job, new IllegalStateException("the server is closing"));
            return;
        }
        queue.add(job);
    }

    /** Writes everything queued so far, then stops the thread. Call after the switch has stopped. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        queue.add(Stop.STOP);
        try {
            thread.join(DRAIN_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.error("the history writer did not finish within {}; {} writes may be lost", DRAIN_TIMEOUT, queue.size());
            thread.interrupt();
        }
        // A job queued between the closed check and STOP: nobody will write it; don't leave it waiting.
        List<Job> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(job -> finishFailed(job, new IllegalStateException("the server closed")));
    }

    private void run() {
        List<Job> batch = new ArrayList<>();
        boolean stopping = false;
        while (!stopping) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            stopping = batch.remove(Stop.STOP);
            if (stopping) {
                queue.drainTo(batch); // whatever slipped in behind STOP is still written
            }
            try {
                write(batch);
            } catch (RuntimeException | Error e) {
                // Never let the thread die: every later release would wait for nothing.
                LOG.error("history writer failed on {}", describe(batch), e);
                batch.forEach(job -> finishFailed(job, e));
            }
            batch.clear();
        }
    }

    /** One transaction for the whole batch; if a record in it is bad, each part alone, so the others are kept. */
    private void write(List<Job> batch) {
        List<Unit> units = units(batch);
        if (units.isEmpty()) {
            return;
        }
        try {
            commit(units, true);
            units.forEach(Unit::succeeded);
        } catch (SQLException e) {
            if ((units.size() > 1 || units.get(0).first) && isDataError(e)) {
                LOG.warn("a history batch of {} writes failed ({}); writing each alone", units.size(), brief(e));
                for (Unit unit : units) {
                    try {
                        commit(List.of(unit), false); // without the first-write hint, in case it was wrong
                        unit.succeeded();
                    } catch (SQLException one) {
                        LOG.error("history not written for {}: {}", unit.describe(), brief(one));
                        unit.failed(one);
                    } catch (RuntimeException one) {
                        LOG.error("history not written for {}", unit.describe(), one);
                        unit.failed(one);
                    }
                }
            } else {
                LOG.error("history not written for {}: {}", describe(batch), brief(e));
                units.forEach(unit -> unit.failed(e));
            }
        }
    }

    private void commit(List<Unit> units, boolean trustFirst) throws SQLException {
        List<CallRecord> calls = new ArrayList<>();
        Set<String> firsts = new HashSet<>();
        List<InteractionUpdate> updates = new ArrayList<>();
        for (Unit unit : units) {
            if (unit.call != null) {
                calls.add(unit.call);
                if (unit.first && trustFirst) {
                    firsts.add(unit.call.id());
                }
            } else {
                updates.add(unit.update);
            }
        }
        database.inTransaction(db -> {
            HistoryStore.writeCalls(db, calls, firsts);
            HistoryStore.writeInteractions(db, updates);
            return null;
        });
        commits.incrementAndGet();
        callsWritten.addAndGet(calls.size());
    }

    /**
     * The batch as things to write: one per call (its latest record, for every future that asked), then
     * the interaction updates in the order they came. Calls go first so that an interaction of a call
     * written in the same batch is never older than its call's row.
     */
    private static List<Unit> units(List<Job> batch) {
        Map<String, Unit> calls = new LinkedHashMap<>();
        List<Unit> updates = new ArrayList<>();
        for (Job job : batch) {
            if (job instanceof CallJob call) {
                Unit unit = calls.computeIfAbsent(call.record().id(), id -> {
                    Unit created = new Unit(null, null);
                    created.first = call.first(); // the earliest of the batch says whether a row may exist
                    return created;
                });
                unit.call = call.record(); // latest wins: each record holds everything known of the call
                unit.futures.add(call.written());
            } else if (job instanceof InteractionJob interaction) {
                Unit unit = new Unit(null, interaction.update());
                unit.futures.add(interaction.written());
                updates.add(unit);
            }
        }
        List<Unit> units = new ArrayList<>(calls.values());
        units.addAll(updates);
        return units;
    }

    /** A call's latest record or one interaction update, and the futures waiting for it. */
    private static final class Unit {
        CallRecord call;
        boolean first;
        final InteractionUpdate update;
        final List<CompletableFuture<Void>> futures = new ArrayList<>(1);

        Unit(CallRecord call, InteractionUpdate update) {
            this.call = call;
            this.update = update;
        }

        void succeeded() {
            futures.forEach(future -> future.complete(null));
        }

        void failed(Throwable cause) {
            if (call != null) {
                futures.forEach(future -> future.complete(null)); // a release must not wait forever
            } else {
                futures.forEach(future -> future.completeExceptionally(cause));
            }
        }

        String describe() {
            return call != null ? "call " + call.id() : "the interaction of call " + update.callId();
        }
    }

    private static void finishFailed(Job job, Throwable cause) {
        if (job instanceof CallJob call) {
            call.written().complete(null);
        } else if (job instanceof InteractionJob interaction) {
            interaction.written().completeExceptionally(cause);
        }
    }

    private static String describe(List<Job> jobs) {
        List<String> ids = new ArrayList<>();
        for (Job job : jobs) {
            if (job instanceof CallJob call) {
                ids.add(call.record().id());
            } else if (job instanceof InteractionJob interaction) {
                ids.add(interaction.update().callId() + " (interaction)");
            }
        }
        return "call " + String.join(", ", ids);
    }

    /**
     * A database error for the log: its SQLState and the start of its message. Not the whole message, nor
     * a stack trace: the PostgreSQL driver puts the statement with its values in it, and a refused value
     * may be a megabyte long.
     */
    private static String brief(SQLException e) {
        SQLException cause = e.getNextException() != null ? e.getNextException() : e;
        String message = String.valueOf(cause.getMessage());
        return "SQLState " + cause.getSQLState() + ": " + (message.length() > 300 ? message.substring(0, 300) + "…" : message);
    }

    /**
     * Whether the failure was caused by the data (too long, a constraint), so that writing the batch's
     * parts one by one can save the rest. A lost connection is not: every part would fail again, each
     * after the pool's timeout.
     */
    private static boolean isDataError(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"))) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                for (SQLException next = sql.getNextException(); next != null; next = next.getNextException()) {
                    if (next.getSQLState() != null && (next.getSQLState().startsWith("22") || next.getSQLState().startsWith("23"))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
