package org.srvcc.tlc;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.srvcc.files.AtomicFiles;
import org.srvcc.files.CacheEntry;

/**
 * The class path of a TLC child and a class-data-sharing archive of the classes it loads (the JDK's dynamic CDS): a
 * child that maps TLC's classes from the archive does not parse and verify them again, which is most of a small
 * model's CPU time after the JVM's own start.
 *
 * <p>The child's class path is TLC's jar and a jar holding {@link TlcChild} alone (the JVM archives classes from jars
 * only). The first run that finds no archive makes it on its way out ({@code -XX:ArchiveClassesAtExit}, written
 * in the run's scratch folder) and it is moved into place whole with its SHA-256 beside it; a run uses an archive only
 * after its digest has been checked once in this JVM, and a damaged one is deleted and made again. Its name covers
 * what the JVM checks it against (the JDK, each jar's path, size and time), and a JVM that still finds a mismatch loads
 * the classes as usual. The JVM's messages about the archive are turned off: TLC's output stays TLC's alone.
 */
final class TlcArchive {
    private TlcArchive() {}

    private static final AtomicBoolean MAKING = new AtomicBoolean();
    private static volatile Path checked; // the archive whose digest this JVM has checked
    private static volatile boolean broken; // making one failed in this JVM: runs go without

    /** TLC's jar and the jar of {@link TlcChild}, written under {@code dir} if absent (once per JVM and folder). */
    static synchronized String classPath(Path dir) throws IOException {
        Path jar = CHILD_JARS.get(dir);
        if (jar == null || !Files.isRegularFile(jar)) CHILD_JARS.put(dir, jar = childJar(dir));
        return TlcRunner.tlcJar() + File.pathSeparator + jar;
    }

    private static final Map<Path, Path> CHILD_JARS = new HashMap<>();

    /**
     * The JVM options of a run with class path {@code cp}: the archive if there is a good one; else, unless another run
     * is making one, the options that make it into {@code work} (dumping at exit costs the run no measurable time).
     */
    static Use use(Path dir, String cp, Path work) {
        if (broken) return Use.NONE;
        Path archive = dir.resolve("tlc-" + key(cp) + ".jsa");
        if (good(archive)) return new Use(quietly("-XX:SharedArchiveFile=" + archive), null, null);
        if (!MAKING.compareAndSet(false, true)) return Use.NONE;
        Path made = work.resolve("classes.jsa");
        return new Use(quietly("-XX:ArchiveClassesAtExit=" + made), made, archive);
    }

    /** What a run adds to its JVM options, and the archive it makes, if any ({@code made} moves to {@code target}). */
    record Use(List<String> options, Path made, Path target) {
        static final Use NONE = new Use(List.of(), null, null);

        /**
         * After the child, with its exit status (-1: stopped by the runner): installs the archive it made, if it exited
         * by itself, not by a signal (128 + the signal's number), and wrote one. A child that exited by itself without
         * writing it means this JDK cannot make one, and later runs do without; a stopped one is just retried.
         */
        void done(int exitStatus) {
            if (made == null) return;
            try {
                if (exitStatus < 0 || exitStatus >= 128) return;
                if (Files.isRegularFile(made) && Files.size(made) > 0) install(made, target);
                else broken = true;
            } catch (IOException | UncheckedIOException e) {
                broken = true;
            } finally {
                MAKING.set(false);
            }
        }
    }

    private static void install(Path made, Path target) throws IOException {
        AtomicFiles.write(digestFile(target), sha256(made));
        // whole or not at all (scratch and archive share target/; another file system throws, and runs do without)
        Files.move(made, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        checked = target;
    }

    /** Whether the archive is there and matches its digest; a damaged one is deleted (the next run remakes it). */
    static boolean good(Path archive) {
        if (archive.equals(checked)) return Files.isRegularFile(archive);
        try {
            if (!Files.isRegularFile(archive)) return false;
            Path d = digestFile(archive);
            if (Files.isRegularFile(d) && Files.readString(d).strip().equals(sha256(archive))) {
                checked = archive;
                return true;
            }
            Files.deleteIfExists(archive);
            Files.deleteIfExists(d);
        } catch (IOException | UncheckedIOException e) {
            // unreadable: run without it
        }
        return false;
    }

    private static Path digestFile(Path archive) {
        return archive.resolveSibling(archive.getFileName() + ".sha256");
    }

    /** The archive's name: what the JVM checks it against, the JDK and each jar of the class path. */
    static String key(String cp) {
        MessageDigest d = CacheEntry.sha256();
        CacheEntry.add(d, System.getProperty("java.home"));
        CacheEntry.add(d, System.getProperty("java.vm.version"));
        for (String e : cp.split(File.pathSeparator)) {
            Path p = Path.of(e);
            String stamp;
            try {
                stamp = Files.size(p) + " " + Files.getLastModifiedTime(p).toMillis();
            } catch (IOException x) {
                stamp = "missing";
            }
            CacheEntry.add(d, p.toAbsolutePath() + " " + stamp);
        }
        return hex(d.digest()).substring(0, 16);
    }

    /** {@link TlcChild}'s classes in a jar of their own, named after their bytes. */
    static Path childJar(Path dir) throws IOException {
        Map<String, byte[]> classes = childClasses();
        MessageDigest md = CacheEntry.sha256();
        classes.forEach((n, b) -> {
            CacheEntry.add(md, n);
            md.update(b);
        });
        Path jar = dir.resolve("child-" + hex(md.digest()).substring(0, 16) + ".jar");
        if (Files.isRegularFile(jar)) return jar;
        Files.createDirectories(dir);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes)) {
            for (var c : classes.entrySet()) {
                JarEntry e = new JarEntry(c.getKey());
                e.setTime(0); // the same bytes every time
                out.putNextEntry(e);
                out.write(c.getValue());
                out.closeEntry();
            }
        }
        AtomicFiles.write(jar, bytes.toByteArray());
        return jar;
    }

    /** The class files of {@link TlcChild} and its nested classes, by entry name, from a class folder or a jar. */
    static Map<String, byte[]> childClasses() throws IOException {
        String pkg = TlcChild.class.getPackageName().replace('.', '/');
        String prefix = TlcChild.class.getSimpleName();
        Path where = Path.of(TlcRunner.ownClasses());
        Map<String, byte[]> classes = new TreeMap<>();
        if (Files.isDirectory(where)) {
            collect(where.resolve(pkg), pkg, prefix, classes);
        } else {
            try (JarFile jar = new JarFile(where.toFile())) {
                for (JarEntry e : Collections.list(jar.entries())) {
                    String n = e.getName().substring(e.getName().lastIndexOf('/') + 1);
                    if (e.getName().startsWith(pkg + "/") && isChild(n, prefix))
                        try (InputStream in = jar.getInputStream(e)) {
                            classes.put(e.getName(), in.readAllBytes());
                        }
                }
            }
        }
        if (!classes.containsKey(pkg + "/" + prefix + ".class"))
            throw new IOException("no " + prefix + ".class in " + where);
        return classes;
    }

    private static void collect(Path folder, String pkg, String prefix, Map<String, byte[]> into) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(folder)) {
            s.forEach(files::add);
        }
        for (Path f : files) {
            String n = f.getFileName().toString();
            if (isChild(n, prefix)) into.put(pkg + "/" + n, Files.readAllBytes(f));
        }
    }

    private static boolean isChild(String file, String prefix) {
        return file.endsWith(".class") && (file.equals(prefix + ".class") || file.startsWith(prefix + "$"));
    }

    static String sha256(Path f) {
        MessageDigest md = CacheEntry.sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(f), md)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return hex(md.digest());
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    /** The option, with the JVM's messages about the archive off. */
    private static List<String> quietly(String option) {
        return List.of(option, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }
}
