package com.dialtone.server.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dialtone as users run it, {@code dialtone serve}, in a process of its own on a free port, so a test can
 * kill it the hard way ({@code kill -9}) and start it again on the same data.
 */
final class ServerProcess implements ServerAddress, AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("^Dialtone .* is listening on (http\\S+)$");

    private final Process process;
    private final String local;
    private final List<String> output;

    private ServerProcess(Process process, String local, List<String> output) {
        this.process = process;
        this.local = local;
        this.output = output;
    }

    /** Starts {@code dialtone serve --port 0 --data dataDir [options]} and returns once it listens. */
    static ServerProcess start(Path dataDir, String... options) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(serveCommand()));
        command.addAll(List.of("--port", "0", "--data", dataDir.toString()));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<String> listening = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    output.add(line);
                    Matcher matcher = LISTENING.matcher(line);
                    if (matcher.matches()) {
                        listening.complete(matcher.group(1));
                    }
                }
            } catch (IOException e) {
                // the process is gone
            }
            listening.complete(null);
        }, "server-process-output");
        reader.setDaemon(true);
        reader.start();
        String local;
        try {
            local = listening.get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            local = null;
        }
        if (local == null) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("the server process did not start:\n" + String.join("\n", output));
        }
        return new ServerProcess(process, local, output);
    }

    /** {@code dialtone serve} as a command line: this JVM's java, on the test class path. */
    static String[] serveCommand() {
        String javaCommand = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new String[] {javaCommand, "-cp", System.getProperty("java.class.path"), "com.dialtone.server.Main", "serve"};
    }

    /** What the server printed so far, line by line. */
    List<String> lines() {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    @Override
    public String local() {
        return local;
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye; what a crash or {@code kill -9} does. */
    void killHard() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the server process survived SIGKILL");
        }
    }

    /** What the server printed so far, for a failing test's message. */
    String output() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                killHard();
            }
        }
    }
}
