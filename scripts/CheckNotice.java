import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The build's licence check (run by every module's test phase, see the parent POM): each third-party group
 * and artifact on the module's runtime classpath, as maven-dependency-plugin's {@code dependency:list} wrote
 * it, must be named in NOTICE, in the module's section or one before it, so no dependency ships unnamed.
 * With {@code --exact}, the module's section must also name nothing that is not on its classpath.
 *
 * <p>Usage: {@code java scripts/CheckNotice.java DEPENDENCY_LIST NOTICE "SECTION HEADING" [--exact]}
 */
public final class CheckNotice {

    private static final Pattern DEPENDENCY = Pattern.compile("^\\s+([^:\\s]+):([^:\\s]+):[^:\\s]+:.*$");
    private static final Pattern SECTION = Pattern.compile("^== (.+) ==$");
    private static final Pattern NAMES = Pattern.compile("^\\s+(groups?|artifacts|npm):\\s*(.*)$");

    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: CheckNotice DEPENDENCY_LIST NOTICE SECTION [--exact]");
            System.exit(2);
        }
        Set<String> groups = new TreeSet<>();
        Set<String> artifacts = new TreeSet<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            Matcher m = DEPENDENCY.matcher(line);
            if (m.matches() && !m.group(1).equals("com.dialtone")) {
                groups.add(m.group(1));
                artifacts.add(m.group(1) + ":" + m.group(2));
            }
        }
        String section = args[2];
        boolean exact = args.length > 3 && args[3].equals("--exact");

        Set<String> namedGroups = new TreeSet<>();
        Set<String> namedArtifacts = new TreeSet<>();
        Set<String> sectionGroups = new TreeSet<>();
        boolean inSection = false;
        boolean found = false;
        String field = null;
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            Matcher heading = SECTION.matcher(line);
            if (heading.matches()) {
                if (found) {
                    break; // sections after the module's own do not count
                }
                inSection = heading.group(1).contains(section);
                found = inSection;
                continue;
            }
            Matcher names = NAMES.matcher(line);
            String values;
            if (names.matches()) {
                field = names.group(1);
                values = names.group(2);
            } else if (field != null && line.startsWith("    ")) {
                values = line; // a continuation line of the field above
            } else {
                field = null;
                continue;
            }
            for (String name : values.split(",")) {
                name = name.trim();
                if (name.isEmpty()) {
                    continue;
                }
                if (field.startsWith("group")) {
                    namedGroups.add(name);
                    if (inSection) {
                        sectionGroups.add(name);
                    }
                } else {
                    namedArtifacts.add(name);
                }
            }
        }
        List<String> problems = new ArrayList<>();
        if (!found) {
            problems.add("NOTICE has no section \"== ..." + section + "... ==\"");
        }
        for (String group : groups) {
            if (!namedGroups.contains(group)) {
                problems.add("the runtime classpath has " + group + ", which NOTICE does not name (add it, with its licence from its POM)");
            }
        }
        for (String artifact : artifacts) {
            if (!namedArtifacts.contains(artifact.substring(artifact.indexOf(':') + 1))) {
                problems.add("the runtime classpath has " + artifact + ", which NOTICE does not list among its artifacts");
            }
        }
        if (exact) {
            for (String group : sectionGroups) {
                if (!groups.contains(group)) {
                    problems.add("NOTICE names " + group + " under \"" + section + "\", which is no longer on the runtime classpath");
                }
            }
        }
        if (!problems.isEmpty()) {
            problems.forEach(p -> System.err.println("NOTICE check: " + p));
            System.exit(1);
        }
        System.out.println("NOTICE check: all " + groups.size() + " groups and " + artifacts.size()
                + " artifacts on the runtime classpath are named (" + section + ")");
    }
}
