package com.dialtone.server.provisioning;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/** The GWS features assigned to the contact centre. Each method runs in the caller's transaction. */
public final class FeatureStore {

    private FeatureStore() {
    }

    public static Set<String> loadAll(Connection db) throws SQLException {
        Set<String> features = new LinkedHashSet<>();
        try (PreparedStatement select = db.prepareStatement("SELECT id FROM features ORDER BY id"); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                features.add(rows.getString(1));
            }
        }
        return features;
    }

    public static void insert(Connection db, Collection<String> features) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO features (id) VALUES (?)")) {
            for (String feature : features) {
                insert.setString(1, feature);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    public static void delete(Connection db, String feature) throws SQLException {
        try (PreparedStatement delete = db.prepareStatement("DELETE FROM features WHERE id = ?")) {
            delete.setString(1, feature);
            delete.executeUpdate();
        }
    }
}
