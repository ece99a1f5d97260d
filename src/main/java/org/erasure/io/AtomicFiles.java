package org.erasure.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes result files completely or not at all (SPEC 4.2): every file goes to a temporary name in
 * the target folder, and only when all are written are they renamed into place.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** Temporary files are created owner-only; results are ordinary files, readable by everyone (rw-r--r--). */
    private static void readableByAll(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: keep its defaults
        }
    }

    /**
     * Writes the results and draws their figures as one: the files (name → content) and the figures drawn from
     * them by {@code draw} are made in a staging folder beside {@code dir}; only when every one is complete are they
     * moved into {@code dir}, figures first and the data files last. A failure while writing or drawing (a full
     * disk, say) leaves {@code dir} as it was.
     *
     * @param draw draws figures into the folder it is given (which holds the files), returns their paths
     * @return the figures' paths in {@code dir}
     */
    public static java.util.List<Path> writeWithFigures(Path dir, Map<String, String> files, FigureDrawer draw)
            throws IOException {
        final Path parent = dir.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Staging.sweepLitter(parent);
        final Path stage = Files.createTempDirectory(parent, Staging.prefix(dir.getFileName().toString()));
        try {
            writeAll(stage, files);
            final java.util.List<Path> drawn = draw.draw(stage);
            Files.createDirectories(dir);
            final java.util.List<Path> placed = new java.util.ArrayList<>();
            for (Path f : drawn) {
                placed.add(move(f, dir.resolve(f.getFileName().toString())));
            }
            for (String name : files.keySet()) {
                move(stage.resolve(name), dir.resolve(name));
            }
            return placed;
        } finally {
            try (var left = Files.list(stage)) {
                for (Path f : (Iterable<Path>) left::iterator) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(stage);
        }
    }

    /** Draws figures into a folder. */
    @FunctionalInterface
    public interface FigureDrawer {
        java.util.List<Path> draw(Path folder) throws IOException;
    }

    private static Path move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException ex) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
        return to;
    }

    /** Writes all files (name → content) into dir, creating it if needed; all or none appear. */
    public static void writeAll(Path dir, Map<String, String> files) throws IOException {
        Files.createDirectories(dir);
        Staging.sweepLitter(dir);
        final Map<Path, Path> staged = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, String> e : files.entrySet()) {
                final Path tmp = Files.createTempFile(dir, Staging.prefix(e.getKey()), ".tmp");
                staged.put(tmp, dir.resolve(e.getKey()));
                Files.writeString(tmp, e.getValue(), StandardCharsets.UTF_8);
                readableByAll(tmp);
            }
            for (Map.Entry<Path, Path> e : staged.entrySet()) {
                try {
                    Files.move(e.getKey(), e.getValue(), StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException ex) {
                    Files.move(e.getKey(), e.getValue(), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } finally {
            for (Path tmp : staged.keySet()) {
                Files.deleteIfExists(tmp);
            }
        }
    }
}
