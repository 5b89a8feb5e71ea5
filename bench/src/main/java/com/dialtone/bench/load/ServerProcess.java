package com.dialtone.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server under test in a process of its own, started from the bench jar's own class path, so that its
 * memory is its own and the load generator's threads are not in its heap. Its output goes to a log file
 * (never to ours: a child that inherits our stdout can block us).
 */
final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final String url;

    private ServerProcess(Process process, Path log, String url) {
        this.process = process;
        this.log = log;
        this.url = url;
    }

    /**
     * Starts {@code mainClass args} with the JVM options, and waits for the line that says where it listens.
     *
     * @param listening a pattern whose group 1 is the URL, matched against each output line
     */
    static ServerProcess start(String name, List<String> jvmOptions, String mainClass, List<String> args, Pattern listening)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("dialtone-bench-" + name, ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            for (String line : Files.readAllLines(log)) {
                Matcher matcher = listening.matcher(line);
                if (matcher.find()) {
                    return new ServerProcess(process, log, matcher.group(1));
                }
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new IllegalStateException(name + " did not start; its output (" + log + "):\n" + Files.readString(log));
    }

    String url() {
        return url;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
