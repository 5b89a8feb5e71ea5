package com.dialtone.sip;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * The phones' registrations: one contact per DN (a later REGISTER from the same DN replaces it), each until it
 * expires. Written on the SIP loop; {@link #find} may be read from any thread. Tells its listener when a DN becomes
 * registered or stops being (unregistered, expired), once per change.
 */
final class Registrar {

    private final Map<String, Registration> bindings = new ConcurrentHashMap<>();
    private final SipSettings.Registration limits;
    private final Clock clock;
    private final BiConsumer<String, Boolean> changed;

    Registrar(SipSettings.Registration limits, Clock clock, BiConsumer<String, Boolean> changed) {
        this.limits = limits;
        this.clock = clock;
        this.changed = changed;
    }

    /** The expiry to grant for what the phone asked (null when it asked for none); 0 means unregister. */
    Duration grant(Integer askedSeconds) {
        if (askedSeconds == null) {
            return limits.defaultExpiry();
        }
        if (askedSeconds == 0) {
            return Duration.ZERO;
        }
        Duration asked = Duration.ofSeconds(askedSeconds);
        return asked.compareTo(limits.max()) > 0 ? limits.max() : asked;
    }

    /** True when the phone asked for less than the least Dialtone grants (423 Interval Too Brief). */
    boolean tooBrief(Integer askedSeconds) {
        return askedSeconds != null && askedSeconds > 0 && Duration.ofSeconds(askedSeconds).compareTo(limits.min()) < 0;
    }

    Duration min() {
        return limits.min();
    }

    void register(String dn, String contact, String transport, Duration expiry, String userAgent) {
        Registration previous = bindings.put(dn, new Registration(dn, contact, transport, clock.instant().plus(expiry), userAgent));
        if (previous == null) {
            changed.accept(dn, true);
        }
    }

    void unregister(String dn) {
        if (bindings.remove(dn) != null) {
            changed.accept(dn, false);
        }
    }

    /** Removes the registrations that have lapsed; run now and then on the SIP loop. */
    void expire() {
        Instant now = clock.instant();
        for (Registration registration : bindings.values()) {
            if (registration.expires().isBefore(now) && bindings.remove(registration.dn(), registration)) {
                changed.accept(registration.dn(), false);
            }
        }
    }

    Optional<Registration> find(String dn) {
        Registration registration = bindings.get(dn);
        return registration == null || registration.expires().isBefore(clock.instant()) ? Optional.empty() : Optional.of(registration);
    }

    Optional<Registration> current(String dn) {
        return Optional.ofNullable(bindings.get(dn));
    }
}
