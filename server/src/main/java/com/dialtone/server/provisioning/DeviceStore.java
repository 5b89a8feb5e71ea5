package com.dialtone.server.provisioning;

import com.dialtone.server.directory.Device;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Devices and their assignment to users in the database. Each method runs in the caller's transaction. */
public final class DeviceStore {

    private DeviceStore() {
    }

    public static List<Device> loadAll(Connection db) throws SQLException {
        List<Device> devices = new ArrayList<>();
        try (PreparedStatement select = db.prepareStatement("SELECT id, phone_number, user_id FROM devices ORDER BY phone_number");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                devices.add(new Device(rows.getString("id"), rows.getString("phone_number"), rows.getString("user_id")));
            }
        }
        return devices;
    }

    public static void insert(Connection db, Device device) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO devices (id, phone_number, user_id) VALUES (?, ?, ?)")) {
            insert.setString(1, device.id());
            insert.setString(2, device.phoneNumber());
            insert.setString(3, device.ownerId());
            insert.executeUpdate();
        }
    }

    /** Stores the device's phone number and owner. */
    public static void update(Connection db, Device device) throws SQLException {
        try (PreparedStatement update = db.prepareStatement("UPDATE devices SET phone_number = ?, user_id = ? WHERE id = ?")) {
            update.setString(1, device.phoneNumber());
            update.setString(2, device.ownerId());
            update.setString(3, device.id());
            if (update.executeUpdate() != 1) {
                throw new SQLException("no device " + device.id());
            }
        }
    }

    public static void delete(Connection db, String deviceId) throws SQLException {
        try (PreparedStatement delete = db.prepareStatement("DELETE FROM devices WHERE id = ?")) {
            delete.setString(1, deviceId);
            delete.executeUpdate();
        }
    }
}
