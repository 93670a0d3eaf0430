package org.srvcc.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * Output that is either whole or absent: every file is written to a temporary file in the same
 * folder and moved into place atomically, so a killed run never leaves half a file that looks
 * complete. Output paths are checked before any work starts.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    public static void write(Path target, byte[] data) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        String name = target.getFileName().toString();
        Path tmp = Scratch.partFile(dir, "." + name.substring(0, Math.min(name.length(), 60)));
        try {
            Files.write(tmp, data, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.SYNC);
            try { // the temporary file is 0600; an output is meant to be read: rw-r--r--
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: keep what it gave
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
            Scratch.untrackFile(tmp);
        }
    }

    public static void write(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    public static void writeLines(Path target, List<String> lines) throws IOException {
        write(target, String.join("\n", lines) + (lines.isEmpty() ? "" : "\n"));
    }

    /**
     * An output file named by the user: its folder must exist, it must not be a folder, and unless
     * {@code replace} it must not exist yet. Returns the absolute path; IllegalArgumentException otherwise.
     */
    public static Path outputFile(String option, String given, boolean replace) {
        Path p = path(option, given);
        if (p.getFileName() == null || p.getFileName().toString().length() > 200)
            throw new IllegalArgumentException(option + ": the file name is empty or longer than 200 characters");
        if (Files.isDirectory(p))
            throw new IllegalArgumentException(option + ": " + given + " is a folder, not a file");
        Path dir = p.getParent();
        if (dir == null || !Files.isDirectory(dir))
            throw new IllegalArgumentException(option + ": folder " + dir + " does not exist");
        if (!Files.isWritable(dir)) throw new IllegalArgumentException(option + ": folder " + dir + " is not writable");
        if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
            throw new IllegalArgumentException(
                    option + ": " + given + " is not a regular file (a link, FIFO or device is never replaced)");
        if (!replace && Files.exists(p, LinkOption.NOFOLLOW_LINKS))
            throw new IllegalArgumentException(option + ": " + given + " exists (add --force to replace it)");
        return p;
    }

    /**
     * A folder the command creates inside its output folder: refused if something other than a real folder is there.
     */
    public static Path childDir(Path dir, String name) throws IOException {
        Path p = inside(dir, name);
        if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            if (Files.isSymbolicLink(p) || !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                throw new IllegalArgumentException(
                        p + " is not a folder of its own (a link or a file): nothing is written through it");
            return p;
        }
        return Files.createDirectory(p);
    }

    /** An output folder: an existing writable folder, or a new one whose parent exists. Created now. */
    public static Path outputDir(String option, String given) {
        Path p = path(option, given);
        if (Files.exists(p) && !Files.isDirectory(p))
            throw new IllegalArgumentException(option + ": " + given + " exists and is not a folder");
        Path parent = p.getParent();
        if (!Files.exists(p) && (parent == null || !Files.isDirectory(parent)))
            throw new IllegalArgumentException(option + ": folder " + parent + " does not exist");
        try {
            Files.createDirectories(p);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    option + ": cannot create " + given + " (" + e.getClass().getSimpleName() + ")");
        }
        if (!Files.isWritable(p)) throw new IllegalArgumentException(option + ": " + given + " is not writable");
        return p;
    }

    /** {@code dir/name} for a name that must stay inside dir (model names come from a file). */
    public static Path inside(Path dir, String name) {
        Path p = dir.resolve(name).normalize();
        if (!p.getParent().equals(dir.normalize()) || name.isEmpty())
            throw new IllegalArgumentException("file name '" + name + "' would leave " + dir);
        return p;
    }

    private static Path path(String option, String given) {
        if (given == null || given.isBlank()) throw new IllegalArgumentException(option + ": an empty path");
        if (given.length() > 4000) throw new IllegalArgumentException(option + ": a path longer than 4000 characters");
        for (String part : given.split("/"))
            if (part.length() > 200)
                throw new IllegalArgumentException(option + ": a path part longer than 200 characters");
        try {
            // ".." and links resolve as the OS resolves them: through the real path of the parent, never lexically
            Path abs = Path.of(given).toAbsolutePath();
            if (Files.isDirectory(abs)) return abs.toRealPath();
            Path parent = abs.getParent(), name = abs.getFileName();
            if (name == null || name.toString().equals("..") || name.toString().equals("."))
                throw new IllegalArgumentException(option + ": '" + given + "' names no file");
            return parent != null && Files.isDirectory(parent)
                    ? parent.toRealPath().resolve(name)
                    : abs.normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(option + ": '" + given + "' is not a valid path");
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    option + ": cannot resolve '" + given + "' (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * An exclusive lock on {@code dir/.srvcc.lock} for the life of a run, so that two runs never
     * write the same output folder at once.
     */
    public static AutoCloseable lock(Path dir, String option) throws IOException {
        FileChannel ch;
        try { // never through a link: a planted .srvcc.lock link would make the run create a file elsewhere
            ch = FileChannel.open(
                    dir.resolve(".srvcc.lock"),
                    StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) { // ELOOP for a link: refused, never followed
            throw new IllegalArgumentException(
                    option + ": " + dir.resolve(".srvcc.lock") + " cannot be opened as a plain file (is it a link?)");
        }
        FileLock l;
        try {
            l = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            l = null;
        }
        if (l == null) {
            ch.close();
            throw new IllegalArgumentException(option + ": another srvcc run is writing to " + dir);
        }
        FileLock held = l;
        return () -> {
            held.release();
            ch.close();
        };
    }
}
