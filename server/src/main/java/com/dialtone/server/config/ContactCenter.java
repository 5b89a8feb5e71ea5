package com.dialtone.server.config;

import static com.dialtone.server.config.ConfigLoader.check;
import static com.dialtone.server.config.ConfigLoader.require;

import com.dialtone.server.auth.PasswordHasher;
import com.dialtone.server.auth.User;
import com.dialtone.server.auth.Users;
import com.dialtone.server.directory.Device;
import com.dialtone.server.directory.Devices;
import com.dialtone.switching.embedded.DialPlan;
import com.dialtone.switching.embedded.FarEndBehaviour;
import com.dialtone.switching.embedded.RoutingPlan;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The people, devices, dial plan and routing a configuration describes, checked and ready to use. The
 * users and devices seed an empty database; after that the database has them ({@code provisioning}).
 */
public record ContactCenter(Users users, Devices devices, DialPlan dialPlan, RoutingSettings routing) {

    public static final Set<String> ROLES = Set.of("ROLE_AGENT", "ROLE_SUPERVISOR", "ROLE_ADMIN");
    private static final Pattern DN = Pattern.compile("[0-9]{1,32}");
    private static final Pattern NUMBER = Pattern.compile("\\+?[0-9*#]{1,32}");
    private static final Pattern USER_ID = Pattern.compile("[0-9a-f]{32}");

    public static ContactCenter from(DialtoneConfig config) {
        List<User> users = new ArrayList<>();
        List<Device> devices = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Map<String, String> dnOwners = new HashMap<>();
        Set<String> deviceIds = new HashSet<>();
        List<UserSettings> settings = config.users();
        check(!settings.isEmpty(), "users must list at least one user");
        for (int i = 0; i < settings.size(); i++) {
            UserSettings u = require(settings.get(i), "users[" + i + "]");
            String at = "users[" + i + "]";
            check(u.userName() != null && !u.userName().isBlank() && !u.userName().contains(":"),
                    at + ".userName must be set and must not contain ':'");
            at = "users[" + i + "] (" + u.userName() + ")";
            check(names.add(u.userName()), at + ": the user name is used twice");
            String id = u.id() != null ? u.id() : derivedId("user:" + u.userName()).replace("-", "");
            check(USER_ID.matcher(id).matches(), at + ".id must be 32 lower-case hex digits, was " + id);
            List<String> roles = u.roles() == null ? List.of() : u.roles();
            check(!roles.isEmpty() && ROLES.containsAll(roles), at + ".roles must be one or more of " + ROLES + ", was " + roles);
            check((u.password() == null) != (u.passwordHash() == null), at + " needs exactly one of password and passwordHash");
            check(u.passwordHash() == null || PasswordHasher.isValidHash(u.passwordHash()),
                    at + ".passwordHash is not a hash made by 'dialtone hash-password'");
            check(u.password() == null || !u.password().isEmpty(), at + ".password must not be empty");
            String hash = u.passwordHash() != null ? u.passwordHash() : PasswordHasher.hash(u.password().toCharArray());
            check(u.wrapUpTime() == null || !u.wrapUpTime().isNegative(), at + ".wrapUpTime must not be negative");
            Duration wrapUp = u.wrapUpTime() == null || u.wrapUpTime().isZero() ? null : u.wrapUpTime();
            users.add(new User(id, u.userName(), nullToEmpty(u.firstName()), nullToEmpty(u.lastName()), "", roles, hash, true, false,
                    u.routingPoints() == null ? List.of() : u.routingPoints(), wrapUp));
            List<DeviceSettings> userDevices = u.devices() == null ? List.of() : u.devices();
            for (int d = 0; d < userDevices.size(); d++) {
                DeviceSettings device = require(userDevices.get(d), at + ".devices[" + d + "]");
                String dat = at + ".devices[" + d + "]";
                check(device.phoneNumber() != null && DN.matcher(device.phoneNumber()).matches(),
                        dat + ".phoneNumber must be 1 to 32 digits, was " + device.phoneNumber());
                String owner = dnOwners.putIfAbsent(device.phoneNumber(), u.userName());
                check(owner == null, dat + ": phone number " + device.phoneNumber() + " already belongs to " + owner);
                String deviceId = device.id() != null ? device.id() : derivedId("device:" + device.phoneNumber());
                check(isUuid(deviceId), dat + ".id must be a UUID, was " + deviceId);
                check(deviceIds.add(deviceId), dat + ": device id " + deviceId + " is used twice");
                devices.add(new Device(deviceId, device.phoneNumber(), id));
            }
        }
        DialPlan dialPlan = dialPlan(config.dialPlan());
        for (String number : dialPlan.numbers().keySet()) {
            check(!dnOwners.containsKey(number), "dialPlan.numbers." + number + " is the phone number of "
                    + dnOwners.get(number) + "'s device; a DN is never an external number");
        }
        Devices allDevices = new Devices(devices);
        checkRouting(config.routing(), settings, allDevices, dialPlan);
        return new ContactCenter(new Users(users), allDevices, dialPlan, config.routing());
    }

    /** The routing plan of these users and devices: the configuration's routing points, with stored users in them. */
    public RoutingPlan routingPlan(Users users, Devices devices) {
        Map<String, List<String>> agentDns = new LinkedHashMap<>();
        routingPoints().forEach((number, name) -> agentDns.put(number, new ArrayList<>()));
        Map<String, Duration> wrapUpTimes = new HashMap<>();
        for (Device device : devices.all()) {
            User owner = device.ownerId() == null ? null : users.byId(device.ownerId()).orElse(null);
            if (owner == null) {
                continue;
            }
            // A stored user may name a routing point since removed from the configuration: it is ignored.
            owner.routingPoints().stream().map(agentDns::get).filter(java.util.Objects::nonNull).forEach(dns -> dns.add(device.phoneNumber()));
            if (owner.wrapUpTime() != null) {
                wrapUpTimes.put(device.phoneNumber(), owner.wrapUpTime());
            }
        }
        List<RoutingPlan.RoutingPoint> points = new ArrayList<>();
        routingPoints().forEach((number, name) -> points.add(new RoutingPlan.RoutingPoint(number, name, agentDns.get(number))));
        return new RoutingPlan(points, routing.offerTimeout(), wrapUpTimes);
    }

    /** The configured routing points: number to name, in configuration order. */
    public Map<String, String> routingPoints() {
        Map<String, String> names = new LinkedHashMap<>();
        if (routing.routingPoints() != null) {
            routing.routingPoints().forEach((number, point) -> names.put(number, point.name()));
        }
        return names;
    }

    private static void checkRouting(RoutingSettings settings, List<UserSettings> users, Devices devices, DialPlan dialPlan) {
        Duration offerTimeout = require(settings.offerTimeout(), "routing.offerTimeout");
        check(!offerTimeout.isNegative() && !offerTimeout.isZero(), "routing.offerTimeout must be positive, was " + offerTimeout);
        Map<String, RoutingPointSettings> configured = settings.routingPoints() == null ? Map.of() : settings.routingPoints();
        configured.forEach((number, point) -> {
            String key = "routing.routingPoints." + number;
            check(DN.matcher(number).matches(), key + ": the number must be 1 to 32 digits");
            check(devices.byDn(number).isEmpty(), key + " is the phone number of a device; a routing point needs its own number");
            check(!dialPlan.numbers().containsKey(number), key + " is also in dialPlan.numbers; a routing point is not an external number");
            check(require(point, key).name() != null && !point.name().isBlank(), key + ".name must be set");
        });
        for (int i = 0; i < users.size(); i++) {
            UserSettings u = users.get(i);
            String at = "users[" + i + "] (" + u.userName() + ").routingPoints";
            List<String> numbers = u.routingPoints() == null ? List.of() : u.routingPoints();
            check(numbers.isEmpty() || (u.devices() != null && !u.devices().isEmpty()), at + ": the user has no device to take calls on");
            for (String number : numbers) {
                check(configured.containsKey(number), at + ": there is no routing point " + number
                        + " (routing.routingPoints has " + configured.keySet() + ")");
            }
        }
    }

    private static DialPlan dialPlan(DialPlanSettings settings) {
        Duration noAnswer = require(settings.noAnswerTimeout(), "dialPlan.noAnswerTimeout");
        check(!noAnswer.isNegative() && !noAnswer.isZero(), "dialPlan.noAnswerTimeout must be positive, was " + noAnswer);
        FarEndBehaviour fallback = farEnd(require(settings.defaultBehaviour(), "dialPlan.default"), "dialPlan.default");
        Map<String, FarEndBehaviour> numbers = new LinkedHashMap<>();
        if (settings.numbers() != null) {
            settings.numbers().forEach((number, behaviour) -> {
                String key = "dialPlan.numbers." + number;
                check(NUMBER.matcher(number).matches(), key + ": the number must be 1 to 32 of 0-9, * and #, with an optional leading +");
                numbers.put(number, farEnd(require(behaviour, key), key));
            });
        }
        return new DialPlan(fallback, numbers, noAnswer);
    }

    private static FarEndBehaviour farEnd(FarEndSettings s, String key) {
        String outcome = require(s.outcome(), key + ".outcome");
        switch (outcome) {
            case "answer" -> {
                Duration answerAfter = s.answerAfter() == null ? Duration.ZERO : s.answerAfter();
                check(!answerAfter.isNegative(), key + ".answerAfter must not be negative");
                check(s.hangUpAfter() == null || !s.hangUpAfter().isNegative(), key + ".hangUpAfter must not be negative");
                return new FarEndBehaviour(FarEndBehaviour.Outcome.ANSWER, answerAfter, s.hangUpAfter());
            }
            case "busy", "noAnswer" -> {
                check(s.answerAfter() == null && s.hangUpAfter() == null,
                        key + ": answerAfter and hangUpAfter apply only to outcome 'answer'");
                return outcome.equals("busy") ? FarEndBehaviour.busy() : FarEndBehaviour.noAnswer();
            }
            default -> throw new ConfigException(key + ".outcome must be answer, busy or noAnswer, was '" + outcome + "'");
        }
    }

    /** A name-based UUID: the same name gives the same id at every start. */
    private static String derivedId(String name) {
        return UUID.nameUUIDFromBytes(("dialtone:" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static boolean isUuid(String id) {
        try {
            return UUID.fromString(id).toString().equals(id.toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
