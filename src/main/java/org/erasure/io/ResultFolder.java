package org.erasure.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Keeps one command's results from replacing another's: {@code simulate}, {@code fokker-planck} and {@code claims}
 * each write summary.csv (or a report) and run.json, and a second command given the same --out folder would replace
 * the first one's record and leave its other files without it. The owner of a folder is the command its run.json
 * names; another command is refused in one line before any work. The same command may rerun into its own folder.
 */
public final class ResultFolder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultFolder() {
    }

    /**
     * Refuses {@code dir} when its run.json was written by a command other than {@code command} (or cannot be read
     * as one's record).
     *
     * @param command the command word (simulate, fokker-planck or claims), and the kind of run where a command makes
     *                more than one ("simulate --work-within")
     * @throws IllegalArgumentException naming the folder, its owner and what to do
     */
    public static void requireOwnOrEmpty(Path dir, String command) {
        final Path record = dir.resolve("run.json");
        if (!Files.exists(record, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        final String owner = owner(record);
        if (!command.equals(owner)) {
            throw new IllegalArgumentException(String.format("%s holds the results of %s (its run.json); %s would "
                    + "replace them: give another --out (nothing was written)", dir,
                    owner == null ? "another run (run.json is not a record this tool can read)" : "'" + owner + "'",
                    command));
        }
    }

    /**
     * The plain files directly in a folder, sorted by name (none when it does not exist yet); staging files (.name)
     * and links left out: what a run finds there before it writes, for {@link #setAside}.
     */
    public static java.util.List<String> listFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return java.util.List.of();
        }
        try (var s = Files.list(dir)) {
            return s.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                    .map(f -> f.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }

    /**
     * Moves files of an earlier run that a new run does not rewrite out of its way, into
     * {@code dir/earlier-<stamp>/} (stamp: the earlier run.json's finish time, else now, in UTC without separators;
     * a number is appended when that folder exists), so that the folder holds one run's results and nothing is lost.
     *
     * @return the folder they went to, or null when there were none
     */
    public static Path setAside(Path dir, java.util.List<String> names) throws IOException {
        if (names.isEmpty()) {
            return null;
        }
        String stamp = java.time.Instant.now().toString();
        try {
            final Path record = dir.resolve("run.json");
            if (Files.isRegularFile(record, LinkOption.NOFOLLOW_LINKS) && Files.size(record) < 64L << 20) {
                final JsonNode t = JSON.readTree(record.toFile()).get("finished_utc");
                if (t != null && t.isTextual()) {
                    stamp = t.asText();
                }
            }
        } catch (IOException | RuntimeException e) {
            // keep now
        }
        stamp = stamp.replaceAll("[^0-9TZ]", "");
        Path target = dir.resolve("earlier-" + stamp);
        for (int i = 2; Files.exists(target, LinkOption.NOFOLLOW_LINKS); i++) {
            target = dir.resolve("earlier-" + stamp + "-" + i);
        }
        Files.createDirectory(target);
        for (String name : names) {
            Files.move(dir.resolve(name), target.resolve(name), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        return target;
    }

    /**
     * The command word a run.json names (its first word after "scripts/erasure" for claims), followed by the kind of
     * run its "run" section names where one does ("simulate --work-within"), or null.
     */
    static String owner(Path record) {
        try {
            if (!Files.isRegularFile(record, LinkOption.NOFOLLOW_LINKS) || Files.size(record) > 64L << 20) {
                return null;
            }
            final JsonNode tree = JSON.readTree(record.toFile());
            final JsonNode c = tree.get("command");
            if (c == null || !c.isTextual()) {
                return null;
            }
            final String[] words = c.asText().trim().split("\\s+");
            final String word = words.length > 1 && words[0].endsWith("erasure") ? words[1] : words[0];
            final JsonNode kind = tree.path("run").get("kind");
            return kind != null && kind.isTextual() ? word + " " + kind.asText() : word;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
