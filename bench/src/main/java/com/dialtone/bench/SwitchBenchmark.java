package com.dialtone.bench;

import com.dialtone.switching.CallSnapshot;
import com.dialtone.switching.UserData;
import com.dialtone.switching.embedded.DialPlan;
import com.dialtone.switching.embedded.FarEndBehaviour;
import java.time.Duration;
import java.util.Map;
import com.dialtone.switching.embedded.EmbeddedSwitch;
import com.dialtone.switching.embedded.ThreadSwitchLoop;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * A whole internal call through the embedded switch's one loop thread: dial, answer, hang up, each
 * awaited as the server awaits it, from four threads sharing the one loop.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(4)
public class SwitchBenchmark {

    private static final int DNS = 2_000;

    ThreadSwitchLoop loop;
    EmbeddedSwitch telephony;
    final AtomicInteger nextPair = new AtomicInteger();

    @Setup
    public void start() {
        Set<String> dns = new HashSet<>();
        for (int i = 0; i < DNS; i++) {
            dns.add(String.valueOf(100_000 + i));
        }
        loop = new ThreadSwitchLoop();
        // internal calls only: the dial plan is never consulted
        telephony = new EmbeddedSwitch(dns, new DialPlan(FarEndBehaviour.busy(), Map.of(), Duration.ofSeconds(30)), loop);
        telephony.addListener(event -> { }); // the cost of dispatching, without a server behind it
    }

    @TearDown
    public void stop() {
        loop.close();
    }

    /** Two DNs of its own for each benchmark thread. */
    @State(Scope.Thread)
    public static class Pair {
        String caller;
        String callee;

        @Setup
        public void take(SwitchBenchmark bench) {
            int n = bench.nextPair.getAndIncrement();
            caller = String.valueOf(100_000 + 2 * n);
            callee = String.valueOf(100_000 + 2 * n + 1);
        }
    }

    @Benchmark
    public CallSnapshot dialAnswerHangUp(Pair pair) {
        CallSnapshot call = telephony.dial(pair.caller, pair.callee, UserData.empty(), null).join();
        telephony.answer(call.id(), pair.callee).join();
        telephony.release(call.id(), pair.caller).join();
        return call;
    }
}
