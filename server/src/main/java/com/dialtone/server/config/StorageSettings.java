package com.dialtone.server.config;

/**
 * Where Dialtone keeps its contact centre and call history.
 *
 * @param dataDir  the folder of the embedded H2 database, used when {@code url} is null
 * @param url      a JDBC URL of another database (PostgreSQL), or null for the embedded one
 * @param user     the database user for {@code url}
 * @param password the database password for {@code url}; the environment variable
 *                 {@code DIALTONE_DB_PASSWORD} is used when it is null
 */
public record StorageSettings(String dataDir, String url, String user, String password) {

    public StorageSettings withDataDir(String dir) {
        return dir == null ? this : new StorageSettings(dir, url, user, password);
    }

    @Override
    public String toString() {
        return "StorageSettings[" + (url != null ? url : dataDir) + "]"; // keeps the password out of logs
    }
}
