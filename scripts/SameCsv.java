import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Compares the CSV files of two output folders (made by scripts/golden-outputs) byte for byte, except the columns whose
 * names hold "wall" (wall-clock seconds) or end in "_per_s" (throughput): `java scripts/SameCsv.java OLD NEW`.
 * Figures (PNG, SVG) are compared byte for byte, and the commands' terminal output (log.txt) line by line with
 * folders, wall times and rates masked. Prints each file that differs (a CSV with its first differing line),
 * and exits 1 when any does or when the sets of files differ.
 */
public final class SameCsv {
    public static void main(String[] args) throws IOException {
        final Path a = Path.of(args[0]);
        final Path b = Path.of(args[1]);
        final TreeSet<String> names = new TreeSet<>(csvs(a));
        final TreeSet<String> other = new TreeSet<>(csvs(b));
        int bad = 0;
        for (String n : names) {
            if (!other.contains(n)) {
                System.out.println("only in " + a + ": " + n);
                bad++;
            }
        }
        for (String n : other) {
            if (!names.contains(n)) {
                System.out.println("only in " + b + ": " + n);
                bad++;
            }
        }
        int same = 0;
        for (String n : names) {
            if (!other.contains(n)) {
                continue;
            }
            final List<String> x = masked(Files.readAllLines(a.resolve(n)));
            final List<String> y = masked(Files.readAllLines(b.resolve(n)));
            final int d = firstDifference(x, y);
            if (d >= 0) {
                System.out.println("differs: " + n + " at line " + (d + 1) + "\n  < " + (d < x.size() ? x.get(d) : "")
                        + "\n  > " + (d < y.size() ? y.get(d) : ""));
                bad++;
            } else {
                same++;
            }
        }
        int figures = 0;
        for (String n : figures(a)) {
            if (!Files.exists(b.resolve(n))) {
                System.out.println("figure only in " + a + ": " + n);
                bad++;
            } else if (Files.mismatch(a.resolve(n), b.resolve(n)) >= 0) {
                System.out.println("figure differs: " + n);
                bad++;
            } else {
                figures++;
            }
        }
        System.out.println(figures + " figures (PNG, SVG) byte-identical");
        if (Files.exists(a.resolve("log.txt")) && Files.exists(b.resolve("log.txt"))) {
            final List<String> x = terminal(a);
            final List<String> y = terminal(b);
            final int d = firstDifference(x, y);
            if (d >= 0) {
                System.out.println("terminal output differs at line " + (d + 1) + "\n  < " + (d < x.size() ? x.get(d) : "")
                        + "\n  > " + (d < y.size() ? y.get(d) : ""));
                bad++;
            } else {
                System.out.println("terminal output (log.txt) identical but for folders, wall times and rates");
            }
        }
        System.out.println(same + " CSV files identical (wall-clock and throughput columns masked), " + bad + " differences");
        System.exit(bad == 0 ? 0 : 1);
    }

    private static List<String> csvs(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".csv") && !p.toString().contains("/earlier-"))
                    .map(p -> root.relativize(p).toString()).collect(Collectors.toList());
        }
    }

    /** log.txt with the folder named DIR and wall times, seconds and rates masked; the build line left out. */
    private static List<String> terminal(Path root) throws IOException {
        final String dir = root.toAbsolutePath().normalize().toString();
        return Files.readAllLines(root.resolve("log.txt")).stream().filter(l -> !l.contains("building the jar"))
                .map(l -> l.replace(dir, "DIR")
                        .replaceAll("[0-9.]+e[+-][0-9]+ (particle|cell)-steps/s", "R $1-steps/s")
                        .replaceAll("wall [0-9.]+ s", "wall T s").replaceAll("in [0-9]+ s", "in T s")
                        .replaceAll(", [0-9.]+ s$", ", T s").replaceAll("[0-9.]+ s splitting", "T s splitting"))
                .collect(Collectors.toList());
    }

    private static List<String> figures(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> (p.toString().endsWith(".png") || p.toString().endsWith(".svg"))
                    && !p.toString().contains("/earlier-")).map(p -> root.relativize(p).toString())
                    .collect(Collectors.toList());
        }
    }

    private static int firstDifference(List<String> x, List<String> y) {
        for (int i = 0; i < Math.max(x.size(), y.size()); i++) {
            if (i >= x.size() || i >= y.size() || !x.get(i).equals(y.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** The lines with every field under a header containing "wall" replaced by "*". */
    private static List<String> masked(List<String> lines) {
        if (lines.isEmpty()) {
            return lines;
        }
        final List<String> header = fields(lines.get(0));
        final List<String> out = new ArrayList<>();
        out.add(lines.get(0));
        for (int i = 1; i < lines.size(); i++) {
            final List<String> f = fields(lines.get(i));
            if (f.size() != header.size()) {
                out.add(lines.get(i));
                continue;
            }
            for (int j = 0; j < f.size(); j++) {
                if (header.get(j).contains("wall") || header.get(j).endsWith("_per_s")) {
                    f.set(j, "*");
                }
            }
            out.add(String.join(",", f));
        }
        return out;
    }

    /** Splits one CSV line at commas outside double quotes, keeping the quotes. */
    private static List<String> fields(String line) {
        final List<String> f = new ArrayList<>();
        final StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                f.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        f.add(cur.toString());
        return f;
    }
}
