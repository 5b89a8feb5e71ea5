package com.dialtone.switching.embedded;

import com.dialtone.switching.CallSnapshot;
import com.dialtone.switching.PartySnapshot;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest snapshot of every live call, by id and by DN. Written only by the switch loop, read by any
 * thread without waiting for the loop: that is what keeps GET requests off the switch thread.
 */
final class SnapshotIndex {

    private static final Comparator<CallSnapshot> OLDEST_FIRST =
            Comparator.comparing(CallSnapshot::createdAt).thenComparing(CallSnapshot::id);

    private final Map<String, CallSnapshot> byId = new ConcurrentHashMap<>();
    private final Map<String, Map<String, CallSnapshot>> byDn = new ConcurrentHashMap<>();

    void publish(CallSnapshot call) {
        if (call.isEnded()) {
            byId.remove(call.id());
        } else {
            byId.put(call.id(), call);
        }
        for (PartySnapshot party : call.parties()) {
            if (!party.internal()) {
                continue;
            }
            if (party.isActive()) {
                byDn.computeIfAbsent(party.number(), dn -> new ConcurrentHashMap<>()).put(call.id(), call);
            } else {
                byDn.computeIfPresent(party.number(), (dn, calls) -> {
                    calls.remove(call.id());
                    return calls.isEmpty() ? null : calls;
                });
            }
        }
    }

    Optional<CallSnapshot> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    List<CallSnapshot> byDn(String dn) {
        Map<String, CallSnapshot> calls = byDn.get(dn);
        return calls == null ? List.of() : calls.values().stream().sorted(OLDEST_FIRST).toList();
    }

    int size() {
        return byId.size();
    }
}
