package com.dialtone.server.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReadinessTest {

    /**
     * A database that refuses connections fails its check at once; once it is back the next probe must say so.
     * (Main was red on this: a check failing at once kept its failure for ever, and the server never became ready
     * again after PostgreSQL came back.)
     */
    @Test
    void aPartThatFailedAtOnce_isUpAtTheNextProbeOnceItIsBack() {
        AtomicBoolean down = new AtomicBoolean();
        try (Readiness readiness = new Readiness()) {
            readiness.require("database", () -> {
                if (down.get()) {
                    throw new SQLException("Connection refused");
                }
            });
            for (int i = 0; i < 200; i++) {
                down.set(true);
                assertThat(readiness.check()).containsEntry("database", "DOWN: Connection refused");
                down.set(false);
                assertThat(readiness.check()).as("probe %d after the part came back", i).containsEntry("database", "UP");
            }
        }
    }

    @Test
    void aHangingPart_isAnsweredWithinTheTimeLimit_andNotCheckedTwiceAtOnce() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        try (Readiness readiness = new Readiness()) {
            readiness.require("database", () -> {
                started.incrementAndGet();
                release.await(30, TimeUnit.SECONDS);
            });
            assertThat(readiness.check()).containsEntry("database", "DOWN: no answer within 2s");
            assertThat(readiness.check()).containsEntry("database", "DOWN: no answer within 2s");
            assertThat(started).hasValue(1);
            release.countDown();
            assertThat(readiness.check()).containsEntry("database", "UP");
        }
    }
}
