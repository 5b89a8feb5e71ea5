package com.dialtone.server.storage;

import com.dialtone.server.config.ConfigException;
import com.dialtone.server.config.StorageSettings;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The database: embedded H2 in the data folder by default, or any PostgreSQL given by a JDBC URL. Opening
 * it brings the schema up to date with the Flyway migrations in {@code db/migration}, the same on both.
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource pool;
    private final String description;
    private final boolean embedded;

    private Database(HikariDataSource pool, String description, boolean embedded) {
        this.pool = pool;
        this.description = description;
        this.embedded = embedded;
    }

    /**
     * Connects and migrates.
     *
     * @throws ConfigException when the database cannot be reached, is in use by another Dialtone, or
     *                         has a schema newer than this version knows
     */
    public static Database open(StorageSettings settings) {
        HikariConfig config = new HikariConfig();
        String description;
        boolean embedded = settings.url() == null;
        if (embedded) {
            Path dir = Path.of(settings.dataDir() == null ? "data" : settings.dataDir()).toAbsolutePath().normalize();
            try {
                Files.createDirectories(dir);
            } catch (java.io.IOException e) {
                throw new ConfigException("cannot create the data folder " + dir + ": " + e.getMessage());
            }
            // WRITE_DELAY=0: a commit is written to the file before it returns, so it survives kill -9.
            config.setJdbcUrl("jdbc:h2:file:" + dir.resolve("dialtone") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
            config.setUsername("dialtone");
            config.setPassword("");
            description = "H2 in " + dir;
        } else {
            config.setJdbcUrl(settings.url());
            config.setUsername(settings.user());
            String password = settings.password() != null ? settings.password() : System.getenv("DIALTONE_DB_PASSWORD");
            config.setPassword(password);
            description = settings.url().replaceAll("[?;].*", "");
        }
        config.setPoolName("dialtone-db");
        config.setMaximumPoolSize(4);
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(1); // one attempt: a wrong URL is reported at once
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(config);
        } catch (RuntimeException e) {
            String cause = rootMessage(e);
            if (embedded && cause != null && cause.contains("The file is locked")) {
                throw new ConfigException("cannot open the database (" + description + "): the data folder is in use by another running "
                        + "Dialtone; stop that one, or give this one another folder with --data");
            }
            throw new ConfigException("cannot open the database (" + description + "): " + cause);
        }
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        } catch (FlywayException e) {
            pool.close();
            throw new ConfigException("cannot bring the database schema up to date (" + description + "): " + rootMessage(e));
        }
        return new Database(pool, description, embedded);
    }

    public DataSource dataSource() {
        return pool;
    }

    /** What a person reading the banner or the log needs to find the data, never with a password. */
    public String description() {
        return description;
    }

    /** Whether this is the embedded H2 database. */
    public boolean isEmbedded() {
        return embedded;
    }

    /** Throws unless a connection from the pool answers (the readiness check, docs/operations.md). */
    public void ping() throws SQLException {
        try (Connection connection = pool.getConnection()) {
            if (!connection.isValid(1)) {
                throw new SQLException("the database does not answer (" + description + ")");
            }
        }
    }

    /** Runs work in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(Work<T> work) throws SQLException {
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    @Override
    public void close() {
        pool.close();
    }

    /** Work done with one connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
