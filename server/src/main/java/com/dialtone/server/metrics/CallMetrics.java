package com.dialtone.server.metrics;

import com.dialtone.switching.CallEvent;
import com.dialtone.switching.CallSnapshot;
import com.dialtone.switching.SwitchListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The switch's calls: {@code dialtone_calls_started_total} by call type, {@code dialtone_calls_ended_total}
 * and {@code dialtone_calls_active}. A switch listener: it runs on the switch's thread and only counts.
 */
public final class CallMetrics implements SwitchListener {

    private static final int RECENTLY_ENDED = 4096;

    private final MeterRegistry registry;
    private final Counter ended;
    private final AtomicInteger active = new AtomicInteger();
    /** The calls going on; switch's thread only. */
    private final Set<String> going = new HashSet<>();
    /** Every event of the change that ends a call carries the ended snapshot: count the end once. */
    private final Map<String, Boolean> recentlyEnded = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > RECENTLY_ENDED;
        }
    };

    public CallMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.ended = Counter.builder("dialtone.calls.ended").description("calls that ended").register(registry);
        Gauge.builder("dialtone.calls.active", active, AtomicInteger::get).description("calls going on now").register(registry);
    }

    @Override
    public void onCallEvent(CallEvent event) {
        CallSnapshot call = event.call();
        if (recentlyEnded.containsKey(call.id())) {
            return;
        }
        if (going.add(call.id())) {
            active.incrementAndGet();
            Counter.builder("dialtone.calls.started").description("calls that started, by type").tag("type", call.type().name())
                    .register(registry).increment();
        }
        if (call.isEnded()) {
            going.remove(call.id());
            recentlyEnded.put(call.id(), Boolean.TRUE);
            active.decrementAndGet();
            ended.increment();
        }
    }
}
