package com.dialtone.server.provisioning;

import com.dialtone.server.auth.User;
import com.dialtone.server.config.ContactCenter;
import com.dialtone.server.http.GwsException;
import com.dialtone.server.http.Params;
import com.dialtone.server.http.StatusCode;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The user fields a {@code POST /users} or {@code PUT /users/{id}} body sets, checked; null for those it
 * leaves as they are. Everything is checked here, before the lock is taken and before anything changes.
 *
 * @param wrapUpTime {@link Duration#ZERO} for no after-call work
 */
record UserChanges(String userName, String password, String firstName, String lastName, String emailAddress,
                   List<String> roles, Boolean enabled, Boolean changePasswordOnFirstLogin, List<String> routingPoints,
                   Duration wrapUpTime) {

    static final Set<String> WRITABLE = Set.of("userName", "password", "firstName", "lastName", "emailAddress", "roles",
            "enabled", "changePasswordOnFirstLogin", "routingPoints", "wrapUpTime");
    private static final int MAX_TEXT = 255; // the database's column width
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final long MAX_WRAP_UP_SECONDS = 86_400;

    /** A new user: firstName, lastName, roles, userName and password are mandatory, as in GWS. */
    static UserChanges forCreate(Params params, Set<String> routingPoints) {
        Bodies.check(params, WRITABLE, Bodies.creating("id", "uri", "path", "contactCenterId"));
        for (String name : List.of("firstName", "lastName", "roles", "userName", "password")) {
            if (!params.has(name)) {
                throw GwsException.missing(name);
            }
        }
        return read(params, routingPoints);
    }

    /** Changes to a user: any of the fields, at least one. */
    static UserChanges forUpdate(Params params, Map<String, String> readOnly, Set<String> routingPoints) {
        Bodies.check(params, WRITABLE, readOnly);
        if (params.names().stream().noneMatch(WRITABLE::contains)) {
            throw new GwsException(StatusCode.MISSING_PARAMETER, "Nothing to change: send at least one of "
                    + String.join(", ", new TreeSet<>(WRITABLE)));
        }
        return read(params, routingPoints);
    }

    private static UserChanges read(Params params, Set<String> routingPoints) {
        String userName = text(params, "userName");
        if (userName != null && userName.contains(":")) {
            throw GwsException.invalid("userName", "must not contain ':' (HTTP Basic credentials could not carry it)");
        }
        String password = params.optionalText("password");
        if (password != null && password.isEmpty()) {
            throw GwsException.invalid("password", "must not be empty");
        }
        String email = params.optionalText("emailAddress");
        if (email != null && (email.length() > MAX_TEXT || (!email.isEmpty() && !EMAIL.matcher(email).matches()))) {
            throw GwsException.invalid("emailAddress", "must be empty or an address such as name@example.com, was '" + email + "'");
        }
        return new UserChanges(userName, password, text(params, "firstName"), text(params, "lastName"), email, roles(params),
                params.optionalBoolean("enabled"), params.optionalBoolean("changePasswordOnFirstLogin"),
                routingPoints(params, routingPoints), wrapUpTime(params.raw("wrapUpTime")));
    }

    /** A new user with these fields. */
    User create(String id, String passwordHash) {
        return new User(id, userName, firstName, lastName, emailAddress == null ? "" : emailAddress, roles, passwordHash,
                enabled == null || enabled, changePasswordOnFirstLogin != null && changePasswordOnFirstLogin,
                routingPoints == null ? List.of() : routingPoints, wrapUpTime == null || wrapUpTime.isZero() ? null : wrapUpTime);
    }

    /** The user with these changes; {@code passwordHash} null keeps the password. */
    User applyTo(User user, String passwordHash) {
        Duration wrapUp = wrapUpTime == null ? user.wrapUpTime() : wrapUpTime.isZero() ? null : wrapUpTime;
        return new User(user.id(), or(userName, user.userName()), or(firstName, user.firstName()), or(lastName, user.lastName()),
                or(emailAddress, user.emailAddress()), or(roles, user.roles()), or(passwordHash, user.passwordHash()),
                or(enabled, user.enabled()), or(changePasswordOnFirstLogin, user.changePasswordOnFirstLogin()),
                or(routingPoints, user.routingPoints()), wrapUp);
    }

    private static <T> T or(T value, T current) {
        return value != null ? value : current;
    }

    /** A name: not blank, at most the column's width. */
    private static String text(Params params, String name) {
        String value = params.optionalText(name);
        if (value != null && value.isBlank()) {
            throw GwsException.invalid(name, "must not be empty");
        }
        if (value != null && value.length() > MAX_TEXT) {
            throw GwsException.invalid(name, "must be at most " + MAX_TEXT + " characters");
        }
        return value;
    }

    private static List<String> roles(Params params) {
        List<String> roles = params.optionalTextList("roles");
        if (roles == null) {
            return null;
        }
        if (roles.isEmpty()) {
            throw GwsException.invalid("roles", "must name at least one role");
        }
        for (String role : roles) {
            if (!ContactCenter.ROLES.contains(role)) {
                throw GwsException.invalid("roles", "unknown role '" + role + "'; known: " + String.join(", ", new TreeSet<>(ContactCenter.ROLES)));
            }
        }
        return List.copyOf(new LinkedHashSet<>(roles));
    }

    /** Routing point numbers, as strings or whole numbers, each a configured routing point. */
    private static List<String> routingPoints(Params params, Set<String> configured) {
        JsonNode value = params.raw("routingPoints");
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            throw GwsException.invalid("routingPoints", "must be an array of routing point numbers, was " + Params.describe(value));
        }
        Set<String> numbers = new LinkedHashSet<>();
        for (JsonNode item : value) {
            String number = item.isTextual() ? item.textValue() : item.isIntegralNumber() ? item.asText() : null;
            if (number == null) {
                throw GwsException.invalid("routingPoints", "must be an array of routing point numbers, has " + Params.describe(item));
            }
            if (!configured.contains(number)) {
                throw GwsException.invalid("routingPoints", "there is no routing point " + number + "; there are "
                        + String.join(", ", new TreeSet<>(configured)));
            }
            numbers.add(number);
        }
        return new ArrayList<>(numbers);
    }

    /** Whole seconds, 0 for none. */
    private static Duration wrapUpTime(JsonNode value) {
        if (value == null) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0 || value.longValue() > MAX_WRAP_UP_SECONDS) {
            throw GwsException.invalid("wrapUpTime", "must be a whole number of seconds from 0 (none) to " + MAX_WRAP_UP_SECONDS
                    + ", was " + value);
        }
        return Duration.ofSeconds(value.longValue());
    }
}
