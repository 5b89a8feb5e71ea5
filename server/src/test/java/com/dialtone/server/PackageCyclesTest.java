package com.dialtone.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No package of any module depends, directly or through others, on a package that depends on it: the
 * packages can be read bottom-up. Dependencies are what the code names (imports and qualified names),
 * comments and string literals aside, in the main sources of every module beside this one.
 */
class PackageCyclesTest {

    private static final Pattern PACKAGE = Pattern.compile("\\bpackage\\s+([\\w.]+)\\s*;");
    /** A qualified name in code: {@code com.dialtone.server.http.Params} names the package {@code com.dialtone.server.http}. */
    private static final Pattern REFERENCE = Pattern.compile("\\b(com\\.dialtone(?:\\.[a-z][a-z0-9]*)*)\\.[A-Z]");

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        Map<String, Set<String>> dependencies = dependencies(sourceRoots());
        assertThat(dependencies).as("packages found").containsKeys("com.dialtone.server", "com.dialtone.server.calls", "com.dialtone.switching");
        assertThat(cycles(dependencies)).as("package cycles (each a set of packages that depend on one another)").isEmpty();
    }

    @Test
    void theCheckFindsACycle() {
        Map<String, Set<String>> graph = new HashMap<>();
        graph.put("a", Set.of("b"));
        graph.put("b", Set.of("c"));
        graph.put("c", Set.of("a"));
        graph.put("d", Set.of("a"));
        assertThat(cycles(graph)).containsExactly(new TreeSet<>(Set.of("a", "b", "c")));
    }

    @Test
    void commentsAndStringsAreNotDependencies() {
        String source = "package a.b;\n/** {@link com.dialtone.x.Y} */ class C { String s = \"com.dialtone.z.W /*\"; // com.dialtone.q.R\n"
                + " com.dialtone.real.Thing t; char c = '\"'; String block = \"\"\"\n com.dialtone.t.U\n \"\"\"; }";
        Matcher references = REFERENCE.matcher(code(source));
        List<String> found = new ArrayList<>();
        while (references.find()) {
            found.add(references.group(1));
        }
        assertThat(found).containsExactly("com.dialtone.real");
    }

    /** The main sources of every module of the build (this test runs in server/). */
    private static List<Path> sourceRoots() {
        try (Stream<Path> modules = Files.list(Path.of("..").toAbsolutePath().normalize())) {
            List<Path> roots = modules.map(module -> module.resolve("src/main/java")).filter(Files::isDirectory).sorted().toList();
            assertThat(roots).as("source roots").contains(Path.of("src/main/java").toAbsolutePath());
            return roots;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Set<String>> dependencies(List<Path> roots) {
        Map<String, Set<String>> graph = new TreeMap<>();
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String code = code(Files.readString(file));
                    Matcher declared = PACKAGE.matcher(code);
                    if (!declared.find()) {
                        continue; // the default package has no name to depend on
                    }
                    String from = declared.group(1);
                    Set<String> to = graph.computeIfAbsent(from, p -> new TreeSet<>());
                    Matcher references = REFERENCE.matcher(code);
                    while (references.find()) {
                        if (!references.group(1).equals(from)) {
                            to.add(references.group(1));
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return graph;
    }

    /** The source with comments, string and character literals blanked out. */
    static String code(String source) {
        StringBuilder code = new StringBuilder(source.length());
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (source.startsWith("//", i)) {
                i = source.indexOf('\n', i) < 0 ? n : source.indexOf('\n', i);
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                code.append(' ');
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                i = end < 0 ? n : end + 3;
                code.append("\"\"");
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && source.charAt(j) != c) {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                i = j + 1;
                code.append(c).append(c);
            } else {
                code.append(c);
                i++;
            }
        }
        return code.toString();
    }

    /** Every strongly connected set of more than one package (Tarjan's algorithm). */
    static List<Set<String>> cycles(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<Set<String>> cycles = new ArrayList<>();
        for (String start : new TreeSet<>(graph.keySet())) {
            if (!index.containsKey(start)) {
                connect(start, graph, index, low, stack, onStack, cycles);
            }
        }
        return cycles;
    }

    private static void connect(String v, Map<String, Set<String>> graph, Map<String, Integer> index, Map<String, Integer> low,
                                Deque<String> stack, Set<String> onStack, List<Set<String>> cycles) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        onStack.add(v);
        for (String w : graph.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                connect(w, graph, index, low, stack, onStack, cycles);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1) {
                cycles.add(component);
            }
        }
    }
}
