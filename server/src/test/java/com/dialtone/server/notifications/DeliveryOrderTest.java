package com.dialtone.server.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
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

    @Test
    void onAnExecutor_eachUsersDeliveriesKeepTheirOrder_offTheCallersThread_andGatesStillHold() throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(4);
        try {
            DeliveryOrder async = new DeliveryOrder(executor);
            Map<String, List<Integer>> received = new ConcurrentHashMap<>();
            Set<Thread> threads = ConcurrentHashMap.newKeySet();
            CompletableFuture<Void> gate = new CompletableFuture<>();
            int users = 50;
            int perUser = 200;
            for (int i = 0; i < perUser; i++) {
                for (int u = 0; u < users; u++) {
                    String user = "user" + u;
                    int n = i;
                    Runnable delivery = () -> {
                        threads.add(Thread.currentThread());
                        received.computeIfAbsent(user, k -> new CopyOnWriteArrayList<>()).add(n);
                    };
                    if (u == 0 && i == 100) {
                        async.deliverAfter(user, gate, delivery); // user0's 101st waits, and so does the rest of user0's
                    } else {
                        async.deliver(user, delivery);
                    }
                }
            }
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> received.getOrDefault("user1", List.of()).size() == perUser
                    && received.getOrDefault("user0", List.of()).size() == 100);
            assertThat(async.waiting("user0")).isEqualTo(perUser - 100);

            gate.complete(null);

            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> received.values().stream().mapToInt(List::size).sum() == users * perUser);
            List<Integer> inOrder = IntStream.range(0, perUser).boxed().toList();
            received.forEach((user, numbers) -> assertThat(numbers).as(user).isEqualTo(inOrder));
            assertThat(threads).doesNotContain(Thread.currentThread());
        } finally {
            executor.shutdownNow();
        }
    }
}
