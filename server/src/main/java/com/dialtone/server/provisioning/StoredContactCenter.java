package com.dialtone.server.provisioning;

import com.dialtone.server.auth.User;
import com.dialtone.server.auth.Users;
import com.dialtone.server.config.ConfigException;
import com.dialtone.server.config.ContactCenter;
import com.dialtone.server.directory.Device;
import com.dialtone.server.directory.Devices;
import com.dialtone.server.storage.Database;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The contact centre as stored in the database, loaded into memory at start: users, devices, features
 * and settings. An empty database is first given the configuration's users and devices (the demo
 * contact centre by default); a database with users in it is never overwritten.
 */
public final class StoredContactCenter {

    private static final Logger LOG = LoggerFactory.getLogger(StoredContactCenter.class);

    /** The features an empty database starts with: every one Dialtone serves. */
    public static final List<String> DEFAULT_FEATURES = List.of("api-voice", "api-supervisor-monitoring", "api-voice-recording",
            "api-ucs-voice", "api-provisioning-read", "api-provisioning-write");

    /** As the GWS documentation's sample shows them. */
    public static final Map<String, Map<String, String>> DEFAULT_SETTINGS = Map.of("general-settings",
            Map.of("countryCode", "US", "countryDigits", "1", "countryName", "United States"));

    private final Database database;
    private final Users users;
    private final Devices devices;
    private final Set<String> features;
    private final Map<String, Map<String, String>> settings;

    private StoredContactCenter(Database database, Users users, Devices devices, Set<String> features,
                                Map<String, Map<String, String>> settings) {
        this.database = database;
        this.users = users;
        this.devices = devices;
        this.features = features;
        this.settings = settings;
    }

    /** Seeds an empty database with the configured contact centre, then loads what the database has. */
    public static StoredContactCenter open(Database database, ContactCenter seed) {
        try {
            boolean seeded = database.inTransaction(db -> {
                if (!UserStore.isEmpty(db)) {
                    return false;
                }
                for (User user : seed.users().all()) {
                    UserStore.insert(db, user);
                }
                for (Device device : seed.devices().all()) {
                    DeviceStore.insert(db, device);
                }
                FeatureStore.insert(db, DEFAULT_FEATURES);
                SettingsStore.insert(db, DEFAULT_SETTINGS);
                return true;
            });
            StoredContactCenter loaded = database.inTransaction(db -> new StoredContactCenter(database,
                    new Users(UserStore.loadAll(db)), new Devices(DeviceStore.loadAll(db)),
                    new CopyOnWriteArraySet<>(FeatureStore.loadAll(db)), SettingsStore.loadAll(db)));
            if (seeded) {
                LOG.info("Wrote the configured contact centre ({} users, {} devices) into the empty database ({})",
                        loaded.users.all().size(), loaded.devices.all().size(), database.description());
            } else {
                LOG.info("Using the contact centre stored in {} ({} users, {} devices); the configuration's users seed only an empty database",
                        database.description(), loaded.users.all().size(), loaded.devices.all().size());
            }
            return loaded;
        } catch (SQLException e) {
            throw new ConfigException("cannot read the contact centre from the database (" + database.description() + "): " + e.getMessage());
        }
    }

    public Database database() {
        return database;
    }

    public Users users() {
        return users;
    }

    public Devices devices() {
        return devices;
    }

    /** The features assigned to the contact centre; changes as they are assigned. */
    public Set<String> features() {
        return features;
    }

    public boolean hasFeature(String feature) {
        return features.contains(feature);
    }

    /** Settings groups by name, each a map of keys to values. */
    public Map<String, Map<String, String>> settings() {
        return settings;
    }
}
