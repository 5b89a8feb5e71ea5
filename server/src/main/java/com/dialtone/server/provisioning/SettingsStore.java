package com.dialtone.server.provisioning;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Settings groups ({@code general-settings}, ...), each a map of keys to values. */
public final class SettingsStore {

    private SettingsStore() {
    }

    public static Map<String, Map<String, String>> loadAll(Connection db) throws SQLException {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        try (PreparedStatement select = db.prepareStatement("SELECT section, setting_name, setting_value FROM settings ORDER BY section, setting_name");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                sections.computeIfAbsent(rows.getString(1), s -> new LinkedHashMap<>()).put(rows.getString(2), rows.getString(3));
            }
        }
        return sections;
    }

    public static void insert(Connection db, Map<String, Map<String, String>> sections) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO settings (section, setting_name, setting_value) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, Map<String, String>> section : sections.entrySet()) {
                for (Map.Entry<String, String> setting : section.getValue().entrySet()) {
                    insert.setString(1, section.getKey());
                    insert.setString(2, setting.getKey());
                    insert.setString(3, setting.getValue());
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }
}
