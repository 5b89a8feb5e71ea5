package com.dialtone.server.e2e;

import com.dialtone.server.DialtoneServer;
import com.dialtone.server.config.ConfigLoader;
import com.dialtone.server.config.StorageSettings;
import com.dialtone.switching.embedded.SwitchLoop;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real Dialtone server on a free port, with the demo contact centre and any overrides given, on a
 * fresh embedded database in a temporary folder that is deleted when it closes (unless kept).
 */
final class GwsServer implements ServerAddress, AutoCloseable {

    /** The demo, but an unanswered external number gives up after 2 s instead of 30 s. */
    static final String TEST_DEFAULTS = "server: {port: 0}\ndialPlan: {noAnswerTimeout: 2s}\n";

    final DialtoneServer server;
    private final Path dataDir;
    private final boolean ownsData;

    private GwsServer(DialtoneServer server, Path dataDir, boolean ownsData) {
        this.server = server;
        this.dataDir = dataDir;
        this.ownsData = ownsData;
    }

    static GwsServer start(String... overlays) {
        try {
            return start(Files.createTempDirectory("dialtone-test-data"), true, overlays);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As {@link #start(String...)}, with the switch on the given loop and clock (a {@code ManualSwitchLoop}). */
    static GwsServer onClock(SwitchLoop loop, String... overlays) {
        try {
            return start(Files.createTempDirectory("dialtone-test-data"), true, loop, overlays);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A server on the data another one left, which stays after this one closes too. */
    static GwsServer startOn(Path dataDir, String... overlays) {
        return start(dataDir, false, overlays);
    }

    /**
     * A server on the given database, which stays after it closes: an H2 data folder, or a PostgreSQL
     * database given to the server as the {@code storage} overlay a deployment would write.
     */
    static GwsServer startOn(StorageSettings storage, String... overlays) {
        if (storage.url() == null) {
            return startOn(Path.of(storage.dataDir()), overlays);
        }
        List<String> all = new ArrayList<>();
        all.add("storage: {url: '" + storage.url() + "', user: '" + storage.user() + "', password: '" + storage.password() + "'}\n");
        all.addAll(List.of(overlays));
        return start(all.toArray(String[]::new)); // its temporary data folder is unused
    }

    private static GwsServer start(Path dataDir, boolean ownsData, String... overlays) {
        return start(dataDir, ownsData, null, overlays);
    }

    /** @param loop the switch's loop, or null for the server's own */
    private static GwsServer start(Path dataDir, boolean ownsData, SwitchLoop loop, String... overlays) {
        List<String> all = new ArrayList<>();
        all.add(TEST_DEFAULTS);
        all.add("storage: {dataDir: '" + dataDir + "'}\n");
        all.addAll(List.of(overlays));
        try {
            DialtoneServer server = loop == null ? new DialtoneServer(ConfigLoader.load(all)) : new DialtoneServer(ConfigLoader.load(all), loop);
            return new GwsServer(server.start(), dataDir, ownsData);
        } catch (Exception e) {
            throw new IllegalStateException("server did not start", e);
        }
    }

    Path dataDir() {
        return dataDir;
    }

    @Override
    public String base() {
        return server.baseUrl();
    }

    @Override
    public String local() {
        return server.localUrl();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            if (ownsData) {
                deleteRecursively(dataDir);
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
