package com.dialtone.server.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The per-user gate: what comes after a waiting delivery waits behind it; other users do not wait. */
class DeliveryOrderTest {

    private final DeliveryOrder order = new DeliveryOrder();
    private final List<String> delivered = new CopyOnWriteArrayList<>();

    @Test
    void withNothingWaiting_deliveriesGoAtOnce() {
        order.deliver("alice", () -> delivered.add("a1"));
        order.deliverAfter("alice", CompletableFuture.completedFuture(null), () -> delivered.add("a2"));
        assertThat(delivered).containsExactly("a1", "a2");
        assertThat(order.waiting("alice")).isZero();
    }

    @Test
    void behindAGate_theUsersLaterDeliveriesWait_andGoInOrderWhenItOpens_whileOtherUsersDoNot() {
        CompletableFuture<Void> committed = new CompletableFuture<>();
        order.deliver("alice", () -> delivered.add("a1 Established"));
        order.deliverAfter("alice", committed, () -> delivered.add("a2 Released"));
        order.deliver("alice", () -> delivered.add("a3 AfterCallWork"));
        order.deliverAfter("alice", CompletableFuture.completedFuture(null), () -> delivered.add("a4 Dialing"));
        order.deliver("bob", () -> delivered.add("b1"));
        assertThat(delivered).containsExactly("a1 Established", "b1");
        assertThat(order.waiting("alice")).isEqualTo(3);

        committed.complete(null);

        assertThat(delivered).containsExactly("a1 Established", "b1", "a2 Released", "a3 AfterCallWork", "a4 Dialing");
        assertThat(order.waiting("alice")).isZero();
        order.deliver("alice", () -> delivered.add("a5"));
        assertThat(delivered).endsWith("a5");
    }

    @Test
    void gatesOpeningOutOfOrder_stillDeliverInOrder_andAFailedGateOrDeliveryStopsNothing() {
        CompletableFuture<Void> first = new CompletableFuture<>();
        CompletableFuture<Void> second = new CompletableFuture<>();
        order.deliverAfter("alice", first, () -> delivered.add("1"));
        order.deliverAfter("alice", second, () -> {
            delivered.add("2");
            throw new IllegalStateException("a broken session");
        });
        order.deliver("alice", () -> delivered.add("3"));

        second.complete(null);
        assertThat(delivered).as("2 is ready but 1 is not").isEmpty();
        first.completeExceptionally(new RuntimeException("write failed"));
        assertThat(delivered).containsExactly("1", "2", "3");
    }

    @Test
    void deliveriesForNoUser_areDropped() {
        order.deliver(null, () -> delivered.add("x"));
        assertThat(delivered).isEmpty();
    }
}
