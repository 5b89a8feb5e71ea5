package com.dialtone.bench;

import com.dialtone.bench.load.LoadCommand;
import java.util.Arrays;
import picocli.CommandLine;

/**
 * The bench jar's entry point: the load generator ({@code ./dialtone bench [options]}), or JMH's own command
 * line for the microbenchmarks ({@code ./dialtone bench jmh [JMH options]}).
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("jmh")) {
            org.openjdk.jmh.Main.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        System.exit(new CommandLine(new LoadCommand()).execute(args));
    }
}
