package com.dialtone.server.config;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which devices are real: {@code telephony.sip} makes some DNs SIP phones and some external numbers go out SIP
 * trunks; without it (the default) every device is simulated. docs/configuration.md and docs/sip.md describe each key.
 *
 * @param sip the SIP listener, phones and trunks; null for none
 */
public record TelephonySettings(Sip sip) {

    private static final Pattern HA1 = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern DN = Pattern.compile("[0-9]{1,20}");
    private static final Pattern RANGE = Pattern.compile("([0-9]{1,20})-([0-9]{1,20})");

    public static TelephonySettings none() {
        return new TelephonySettings(null);
    }

    /**
     * @param host         the address to listen on (UDP and TCP) and to give phones in Contact and SDP; not 0.0.0.0
     * @param port         the UDP and TCP port
     * @param realm        the digest realm phones register in; part of every HA1
     * @param dns          which DNs are SIP phones: {@code all}, DNs, ranges such as {@code 15001-15010}
     * @param credentials  the SIP DNs' digest HA1, {@code MD5(dn:realm:password)} in lower-case hex
     *                     ({@code dialtone sip-ha1} prints it); never the password
     * @param trunks       SIP trunks, tried in order for an external number by their prefixes
     * @param registration the registrations granted
     * @param keepAlive    how often an established call's end is asked whether it is still there, and how long it has to answer
     * @param noAnswer     how long an INVITE may ring before it is cancelled
     * @param ackDelay     how long a Dial's first phone waits for the far end's media before it gets a placeholder
     */
    public record Sip(String host, Integer port, String realm,
                      @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> dns,
                      Map<String, String> credentials, List<Trunk> trunks, Registration registration, KeepAlive keepAlive,
                      Duration noAnswer, Duration ackDelay) {

        public Sip {
            host = host == null ? "127.0.0.1" : host;
            port = port == null ? 5060 : port;
            realm = realm == null ? "dialtone" : realm;
            dns = dns == null ? List.of() : List.copyOf(dns);
            credentials = credentials == null ? Map.of() : Map.copyOf(credentials);
            trunks = trunks == null ? List.of() : List.copyOf(trunks);
            registration = registration == null ? new Registration(null, null, null) : registration;
            keepAlive = keepAlive == null ? new KeepAlive(null, null) : keepAlive;
            noAnswer = noAnswer == null ? Duration.ofSeconds(30) : noAnswer;
            ackDelay = ackDelay == null ? Duration.ofSeconds(8) : ackDelay;
        }

        /** True when {@code dn} is a SIP phone by {@link #dns}. */
        public boolean isSip(String dn) {
            for (String spec : dns) {
                if (spec.equals("all") || spec.equals(dn)) {
                    return true;
                }
                var range = RANGE.matcher(spec);
                if (range.matches() && dn.length() == range.group(1).length() && DN.matcher(dn).matches()
                        && dn.compareTo(range.group(1)) >= 0 && dn.compareTo(range.group(2)) <= 0) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * @param name      for logs and errors
     * @param host      its address (an IP address: calls from it are recognised by their source)
     * @param port      its port; calls from it come from this port
     * @param transport udp or tcp
     * @param prefixes  the external numbers starting with one of these go to this trunk ("" takes every number)
     * @param inbound   a number the trunk delivers to the routing point or DN it reaches; a number not listed
     *                  reaches the routing point or DN of that number
     */
    public record Trunk(String name, String host, Integer port, String transport, List<String> prefixes, Map<String, String> inbound) {

        public Trunk {
            port = port == null ? 5060 : port;
            transport = transport == null ? "udp" : transport;
            prefixes = prefixes == null ? List.of() : List.copyOf(prefixes);
            inbound = inbound == null ? Map.of() : Map.copyOf(inbound);
        }
    }

    /** @param min the shortest registration granted (423 below it) @param max the longest @param defaultExpiry when a phone asks for none */
    public record Registration(Duration min, Duration max, Duration defaultExpiry) {

        public Registration {
            min = min == null ? Duration.ofSeconds(60) : min;
            max = max == null ? Duration.ofHours(1) : max;
            defaultExpiry = defaultExpiry == null ? Duration.ofMinutes(5) : defaultExpiry;
        }
    }

    public record KeepAlive(Duration interval, Duration timeout) {

        public KeepAlive {
            interval = interval == null ? Duration.ofSeconds(30) : interval;
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        }
    }

    /**
     * Checks what the records cannot, with a message naming the key.
     *
     * @param devices       the DNs of the configured users' devices
     * @param routingPoints the routing points' numbers
     */
    void validate(Set<String> devices, Set<String> routingPoints) {
        if (sip == null) {
            return;
        }
        String at = "telephony.sip";
        ConfigLoader.check(!sip.host().isBlank() && !sip.host().equals("0.0.0.0") && !sip.host().equals("::"),
                at + ".host must be the address phones reach Dialtone at (not a wildcard such as 0.0.0.0), was " + sip.host());
        ConfigLoader.check(sip.port() > 0 && sip.port() <= 65_535, at + ".port must be 1..65535, was " + sip.port());
        ConfigLoader.check(!sip.realm().isBlank(), at + ".realm must not be empty");
        for (String spec : sip.dns()) {
            var range = RANGE.matcher(spec == null ? "" : spec);
            ConfigLoader.check(spec != null && (spec.equals("all") || DN.matcher(spec).matches()
                            || (range.matches() && range.group(1).length() == range.group(2).length()
                            && range.group(1).compareTo(range.group(2)) <= 0)),
                    at + ".dns: each must be all, a DN such as 15001 or a range such as 15001-15010 (same length, low to high), was " + spec);
        }
        sip.credentials().forEach((dn, ha1) -> {
            ConfigLoader.check(sip.isSip(dn), at + ".credentials." + dn + ": " + dn + " is not a SIP DN by " + at + ".dns");
            ConfigLoader.check(ha1 != null && HA1.matcher(ha1).matches(), at + ".credentials." + dn
                    + " must be the HA1 (32 lower-case hex digits) that 'dialtone sip-ha1 --realm " + sip.realm() + " " + dn
                    + "' prints, never the password");
        });
        for (String dn : devices) {
            ConfigLoader.check(!sip.isSip(dn) || sip.credentials().containsKey(dn),
                    at + ".credentials: the SIP DN " + dn + " has no HA1 ('dialtone sip-ha1 --realm " + sip.realm() + " " + dn + "')");
        }
        positive(sip.noAnswer(), at + ".noAnswer");
        positive(sip.ackDelay(), at + ".ackDelay");
        positive(sip.keepAlive().interval(), at + ".keepAlive.interval");
        positive(sip.keepAlive().timeout(), at + ".keepAlive.timeout");
        positive(sip.registration().min(), at + ".registration.min");
        ConfigLoader.check(sip.registration().min().compareTo(sip.registration().max()) <= 0
                        && sip.registration().defaultExpiry().compareTo(sip.registration().min()) >= 0
                        && sip.registration().defaultExpiry().compareTo(sip.registration().max()) <= 0,
                at + ".registration: min <= defaultExpiry <= max, was " + sip.registration());
        Set<String> names = new HashSet<>();
        for (int i = 0; i < sip.trunks().size(); i++) {
            Trunk trunk = ConfigLoader.require(sip.trunks().get(i), at + ".trunks[" + i + "]");
            String t = at + ".trunks[" + i + "]";
            ConfigLoader.check(trunk.name() != null && !trunk.name().isBlank(), t + ".name must be set");
            ConfigLoader.check(names.add(trunk.name()), t + ": the name " + trunk.name() + " is used twice");
            ConfigLoader.check(trunk.host() != null && !trunk.host().isBlank(), t + ".host must be set");
            ConfigLoader.check(trunk.port() > 0 && trunk.port() <= 65_535, t + ".port must be 1..65535, was " + trunk.port());
            ConfigLoader.check(trunk.transport().equals("udp") || trunk.transport().equals("tcp"), t + ".transport must be udp or tcp, was " + trunk.transport());
            for (String prefix : trunk.prefixes()) {
                ConfigLoader.check(prefix != null && prefix.matches("\\+?[0-9]*"), t + ".prefixes: each must be digits, optionally after +, was " + prefix);
            }
            trunk.inbound().forEach((number, target) -> ConfigLoader.check(target != null
                            && (routingPoints.contains(target) || devices.contains(target)),
                    t + ".inbound." + number + " must be a routing point or a DN, was " + target));
        }
    }

    private static void positive(Duration duration, String key) {
        ConfigLoader.check(duration.compareTo(Duration.ZERO) > 0, key + " must be positive, was " + duration);
    }
}
