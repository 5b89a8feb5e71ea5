package com.dialtone.switching.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.dialtone.switching.CallSnapshot;
import com.dialtone.switching.PartyState;
import com.dialtone.switching.UserData;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Thousands of concurrent calls, requested from many threads at once, on the real loop. */
class ManyCallsTest {

    private static final int DNS = 10_000;
    private static final int CALLS_PER_DN = 1; // a DN dials one call at a time

    @Test
    void tenThousandConcurrentCalls_fromEightThreads_areAllLiveAndIndexed_thenAllEnd() throws Exception {
        Set<String> dns = new HashSet<>();
        for (int i = 0; i < DNS; i++) {
            dns.add(String.valueOf(100_000 + i));
        }
        try (ThreadSwitchLoop loop = new ThreadSwitchLoop()) {
            EmbeddedSwitch sw = new EmbeddedSwitch(dns, SwitchFixture.DEMO_PLAN, loop);
            List<CompletableFuture<CallSnapshot>> dialled = new ArrayList<>();
            List<Thread> threads = new ArrayList<>();
            List<List<CompletableFuture<CallSnapshot>>> perThread = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int first = t;
                List<CompletableFuture<CallSnapshot>> mine = new ArrayList<>();
                perThread.add(mine);
                threads.add(new Thread(() -> {
                    for (int i = first; i < DNS; i += 8) {
                        for (int c = 0; c < CALLS_PER_DN; c++) {
                            mine.add(sw.dial(String.valueOf(100_000 + i), "5550187", UserData.empty(), null));
                        }
                    }
                }));
            }
            threads.forEach(Thread::start);
            for (Thread thread : threads) {
                thread.join();
            }
            perThread.forEach(dialled::addAll);
            CompletableFuture.allOf(dialled.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

            assertThat(sw.callCount()).isEqualTo(DNS * CALLS_PER_DN);
            assertThat(dialled.stream().map(f -> f.join().id()).distinct().count()).isEqualTo(DNS * CALLS_PER_DN);
            assertThat(sw.callsAt("100042")).hasSize(CALLS_PER_DN)
                    .allSatisfy(call -> assertThat(call.party("100042").orElseThrow().state()).isEqualTo(PartyState.DIALING));

            List<CompletableFuture<Void>> released = new ArrayList<>();
            for (CompletableFuture<CallSnapshot> call : dialled) {
                released.add(sw.release(call.join().id(), call.join().ani()));
            }
            CompletableFuture.allOf(released.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            assertThat(sw.callCount()).isZero();
            assertThat(sw.callsAt("100042")).isEmpty();
        }
    }
}
