package com.dialtone.server.provisioning;

import com.dialtone.server.auth.User;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Users, their roles and routing points in the database. Each method runs in the caller's transaction. */
public final class UserStore {

    private UserStore() {
    }

    public static List<User> loadAll(Connection db) throws SQLException {
        Map<String, List<String>> roles = listsById(db, "SELECT user_id, role FROM user_roles ORDER BY role");
        Map<String, List<String>> routingPoints = listsById(db, "SELECT user_id, routing_point FROM user_routing_points ORDER BY routing_point");
        List<User> users = new ArrayList<>();
        try (PreparedStatement select = db.prepareStatement("SELECT id, user_name, first_name, last_name, email_address, password_hash,"
                + " enabled, change_password, wrap_up_ms FROM users ORDER BY user_name");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                String id = rows.getString("id");
                long wrapUp = rows.getLong("wrap_up_ms");
                Duration wrapUpTime = rows.wasNull() ? null : Duration.ofMillis(wrapUp);
                users.add(new User(id, rows.getString("user_name"), rows.getString("first_name"), rows.getString("last_name"),
                        rows.getString("email_address"), roles.getOrDefault(id, List.of()), rows.getString("password_hash"),
                        rows.getBoolean("enabled"), rows.getBoolean("change_password"), routingPoints.getOrDefault(id, List.of()),
                        wrapUpTime));
            }
        }
        return users;
    }

    public static void insert(Connection db, User user) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO users (user_name, first_name, last_name, email_address,"
                + " password_hash, enabled, change_password, wrap_up_ms, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bind(insert, user);
            insert.executeUpdate();
        }
        insertLists(db, user);
    }

    /** Replaces every stored property of the user with the same id. */
    public static void update(Connection db, User user) throws SQLException {
        try (PreparedStatement update = db.prepareStatement("UPDATE users SET user_name = ?, first_name = ?, last_name = ?,"
                + " email_address = ?, password_hash = ?, enabled = ?, change_password = ?, wrap_up_ms = ? WHERE id = ?")) {
            bind(update, user);
            if (update.executeUpdate() != 1) {
                throw new SQLException("no user " + user.id());
            }
        }
        deleteLists(db, user.id());
        insertLists(db, user);
    }

    /** The user's columns in the order insert and update both name them, the id last. */
    private static void bind(PreparedStatement statement, User user) throws SQLException {
        statement.setString(1, user.userName());
        statement.setString(2, user.firstName());
        statement.setString(3, user.lastName());
        statement.setString(4, user.emailAddress());
        statement.setString(5, user.passwordHash());
        statement.setBoolean(6, user.enabled());
        statement.setBoolean(7, user.changePasswordOnFirstLogin());
        if (user.wrapUpTime() == null) {
            statement.setNull(8, java.sql.Types.BIGINT);
        } else {
            statement.setLong(8, user.wrapUpTime().toMillis());
        }
        statement.setString(9, user.id());
    }

    /** Deletes the user; their devices stay, unassigned. */
    public static void delete(Connection db, String userId) throws SQLException {
        try (PreparedStatement delete = db.prepareStatement("DELETE FROM users WHERE id = ?")) {
            delete.setString(1, userId);
            delete.executeUpdate();
        }
    }

    public static boolean isEmpty(Connection db) throws SQLException {
        try (PreparedStatement count = db.prepareStatement("SELECT COUNT(*) FROM users"); ResultSet rows = count.executeQuery()) {
            rows.next();
            return rows.getLong(1) == 0;
        }
    }

    private static void insertLists(Connection db, User user) throws SQLException {
        try (PreparedStatement role = db.prepareStatement("INSERT INTO user_roles (user_id, role) VALUES (?, ?)");
             PreparedStatement point = db.prepareStatement("INSERT INTO user_routing_points (user_id, routing_point) VALUES (?, ?)")) {
            for (String name : user.roles()) {
                role.setString(1, user.id());
                role.setString(2, name);
                role.addBatch();
            }
            for (String number : user.routingPoints()) {
                point.setString(1, user.id());
                point.setString(2, number);
                point.addBatch();
            }
            role.executeBatch();
            point.executeBatch();
        }
    }

    private static void deleteLists(Connection db, String userId) throws SQLException {
        for (String table : List.of("user_roles", "user_routing_points")) {
            try (PreparedStatement delete = db.prepareStatement("DELETE FROM " + table + " WHERE user_id = ?")) {
                delete.setString(1, userId);
                delete.executeUpdate();
            }
        }
    }

    private static Map<String, List<String>> listsById(Connection db, String sql) throws SQLException {
        Map<String, List<String>> lists = new HashMap<>();
        try (PreparedStatement select = db.prepareStatement(sql); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                lists.computeIfAbsent(rows.getString(1), id -> new ArrayList<>()).add(rows.getString(2));
            }
        }
        return lists;
    }
}
