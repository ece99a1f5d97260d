package org.erasure.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of the staging files and folders a run writes its results through, and the sweeping up of those that a
 * killed run (kill -9, a power cut) left behind. A staging name carries its host and process id,
 * ".&lt;name&gt;.staging-&lt;host&gt;-&lt;pid&gt;-&lt;random&gt;", so that a later run can tell its own litter from a user's hidden files
 * and from the staging of a run still going. Only this host's entries are swept: the shards of a sweep on other nodes
 * of a cluster write into the same shared folder, and their process ids mean nothing here.
 */
public final class Staging {

    private static final Pattern NAME = Pattern.compile("^\\..*\\.staging-([A-Za-z0-9_]+)-(\\d+)-[^/]*$");

    /** The folders swept by this process already. */
    private static final java.util.Set<Path> SWEPT = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** This host's name as staging names carry it (letters, digits and '_' only). */
    static final String HOST = host();

    private static String host() {
        String h = System.getenv("HOSTNAME");
        if (h == null || h.isBlank()) {
            try {
                h = java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException | RuntimeException e) {
                h = "unknown";
            }
        }
        final String clean = h.replaceAll("[^A-Za-z0-9]", "_");
        return clean.isEmpty() ? "unknown" : clean;
    }

    private Staging() {
    }

    /** The prefix of a staging file or folder for {@code name}, carrying this process's id. */
    public static String prefix(String name) {
        return "." + name + ".staging-" + HOST + "-" + ProcessHandle.current().pid() + "-";
    }

    /**
     * Removes from {@code folder} the staging files and folders of this host's processes that no longer run. A user's
     * files, hidden or not, the staging of live processes and that of other hosts are left alone; links are removed,
     * never followed.
     *
     * @return how many were removed
     */
    public static int sweepLitter(Path folder) throws IOException {
        // once per folder and process: a sweep writes a point file at a time into points/, and listing a folder of
        // thousands of files before each would cost more than the writing
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS) || !SWEPT.add(folder.toAbsolutePath().normalize())) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path e : entries) {
                final Matcher m = NAME.matcher(e.getFileName().toString());
                if (!m.matches() || !m.group(1).equals(HOST) || alive(Long.parseLong(m.group(2)))) {
                    continue;
                }
                if (Files.isDirectory(e, LinkOption.NOFOLLOW_LINKS)) {
                    try (DirectoryStream<Path> inside = Files.newDirectoryStream(e)) {
                        for (Path f : inside) {
                            if (!Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS)) {
                                Files.deleteIfExists(f);
                            }
                        }
                    }
                }
                try {
                    Files.deleteIfExists(e);
                    removed++;
                } catch (java.nio.file.DirectoryNotEmptyException notOurs) {
                    // something other than our staging files inside: left as it is
                }
            }
        }
        return removed;
    }

    private static boolean alive(long pid) {
        try {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (RuntimeException e) {
            return true;            // cannot tell: keep it
        }
    }
}
