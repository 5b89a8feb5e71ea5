package com.dialtone.server.storage;

import com.dialtone.server.config.StorageSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The two databases Dialtone runs on, each giving a fresh, empty database per test: embedded H2 in a
 * temporary folder, and a new database on this machine's PostgreSQL. PostgreSQL comes from the
 * {@code DIALTONE_TEST_POSTGRES_URL}, {@code _USER} and {@code _PASSWORD} environment variables, or else
 * from {@code scripts/postgres-for-tests}, which installs and starts it when needed.
 */
public enum TestDatabase {

    H2 {
        @Override
        public Fresh create() {
            try {
                Path dir = Files.createTempDirectory("dialtone-h2");
                return new Fresh(new StorageSettings(dir.toString(), null, null, null), () -> deleteRecursively(dir));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    },

    POSTGRESQL {
        @Override
        public Fresh create() {
            Server server = postgres();
            String name = "dialtone_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
            server.execute("CREATE DATABASE " + name);
            String url = server.url.replaceAll("/postgres$", "/" + name);
            return new Fresh(new StorageSettings(null, url, server.user, server.password),
                    () -> server.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
        }
    };

    /** A new empty database; {@link Fresh#close} removes it. */
    public abstract Fresh create();

    public record Fresh(StorageSettings settings, Runnable cleanup) implements AutoCloseable {
        @Override
        public void close() {
            cleanup.run();
        }
    }

    private static Server server;

    private static synchronized Server postgres() {
        if (server == null) {
            String url = System.getenv("DIALTONE_TEST_POSTGRES_URL");
            server = url != null
                    ? new Server(url, System.getenv("DIALTONE_TEST_POSTGRES_USER"), System.getenv("DIALTONE_TEST_POSTGRES_PASSWORD"))
                    : startLocal();
        }
        return server;
    }

    private static Server startLocal() {
        Path script = Path.of("..", "scripts", "postgres-for-tests").toAbsolutePath().normalize();
        try {
            // Nothing inherited: this JVM's stdin and stdout are Surefire's channel to it.
            Path log = Files.createTempFile("postgres-for-tests", ".log");
            Process process = new ProcessBuilder(script.toString()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectError(log.toFile()).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(script + " could not provide a PostgreSQL server: " + Files.readString(log));
            }
            Files.delete(log);
            List<String> lines = out.lines().toList();
            return new Server(lines.get(0), lines.get(1), lines.get(2));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Server(String url, String user, String password) {
        void execute(String sql) {
            try (Connection connection = DriverManager.getConnection(url, user, password); Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException(sql + ": " + e.getMessage(), e);
            }
        }
    }

    static void deleteRecursively(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
