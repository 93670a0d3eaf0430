package org.srvcc.tlc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.srvcc.Tlc;

/**
 * The TLC child's class path and its class-data archive: the child jar holds the child's classes and nothing else, a
 * child that exits makes an archive that the next child maps (the JVM's -Xshare:on refuses to start otherwise), and an
 * archive that fails its digest is deleted, never used.
 */
class TlcArchiveTest {
    static final Path HOME = Path.of("").toAbsolutePath();

    @Test
    void theChildJarHoldsTheChildsClassesAndIsNamedAfterThem(@TempDir Path a, @TempDir Path b) throws Exception {
        Path one = TlcArchive.childJar(a), two = TlcArchive.childJar(b);
        assertEquals(one.getFileName(), two.getFileName(), "the same classes, the same name");
        assertTrue(Arrays.equals(Files.readAllBytes(one), Files.readAllBytes(two)), "the same bytes");
        List<String> names = new ArrayList<>();
        try (JarFile jar = new JarFile(one.toFile())) {
            for (JarEntry e : Collections.list(jar.entries())) names.add(e.getName());
        }
        assertEquals(
                List.of(
                        "org/srvcc/tlc/TlcChild$LoopbackOnly$1.class",
                        "org/srvcc/tlc/TlcChild$LoopbackOnly.class",
                        "org/srvcc/tlc/TlcChild.class"),
                names);
        assertEquals(one, TlcArchive.childJar(a), "an existing jar is reused");
    }

    @Test
    @Tlc
    void aChildMakesTheArchiveAndTheNextMapsIt(@TempDir Path dir, @TempDir Path work) throws Exception {
        String cp = TlcArchive.classPath(dir);
        TlcArchive.Use making = TlcArchive.use(dir, cp, work);
        assertNotNull(making.made(), "no archive yet: this run makes it");
        assertEquals(Path.of(dir + "/tlc-" + TlcArchive.key(cp) + ".jsa"), making.target());
        assertNull(TlcArchive.use(dir, cp, work).made(), "one run at a time makes it");
        assertEquals(1, child(making.options(), cp, List.of()).exitValue(), "TLC's usage: exit status 1");
        making.done(1);
        Path archive = making.target();
        assertTrue(Files.size(archive) > 1_000_000, "archive of " + Files.size(archive) + " bytes");
        assertEquals(
                TlcArchive.sha256(archive),
                Files.readString(archive.resolveSibling(archive.getFileName() + ".sha256")));
        TlcArchive.Use using = TlcArchive.use(dir, cp, work);
        assertNull(using.made());
        assertTrue(
                using.options().contains("-XX:SharedArchiveFile=" + archive),
                using.options().toString());
        // -Xshare:on: a JVM that cannot map the archive does not start; one that does names it as the classes' source
        Process p = child(List.of("-XX:SharedArchiveFile=" + archive), cp, List.of("-Xshare:on", "-Xlog:class+load"));
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(out.contains("tlc2.TLC source: shared objects file (top)"), out);
        assertTrue(out.contains("org.srvcc.tlc.TlcChild source: shared objects file (top)"), out);
    }

    @Test
    void anArchiveThatFailsItsDigestIsDeletedAndMadeAgain(@TempDir Path dir, @TempDir Path work) throws Exception {
        String cp = TlcArchive.classPath(dir);
        Path archive = dir.resolve("tlc-" + TlcArchive.key(cp) + ".jsa");
        Path digest = archive.resolveSibling(archive.getFileName() + ".sha256");
        Files.write(archive, new byte[] {1, 2, 3, 4});
        Files.writeString(digest, TlcArchive.sha256(archive));
        Files.write(archive, new byte[] {1, 2, 3, 5}); // one bit changed after the digest was taken
        TlcArchive.Use u = TlcArchive.use(dir, cp, work);
        assertFalse(Files.exists(archive) || Files.exists(digest), "the damaged archive and its digest are gone");
        assertEquals(archive, u.target(), "this run makes it again");
        assertFalse(
                u.options().stream().anyMatch(o -> o.startsWith("-XX:SharedArchiveFile")),
                u.options().toString());
        Files.write(u.made(), new byte[] {1}); // what a child killed halfway through writing it may leave
        u.done(143); // ended by SIGTERM: nothing installed, and the next run may try again
        assertFalse(Files.exists(archive));
        TlcArchive.Use again = TlcArchive.use(dir, cp, work);
        assertEquals(archive, again.target());
        again.done(-1); // stopped by the runner
        assertFalse(Files.exists(archive));
    }

    @Test
    void theArchivesNameChangesWithAJarOnTheClassPath(@TempDir Path dir) throws IOException {
        String cp = TlcArchive.classPath(dir);
        String before = TlcArchive.key(cp);
        assertEquals(before, TlcArchive.key(cp));
        Path other = Files.write(dir.resolve("other.jar"), new byte[] {0});
        assertFalse(before.equals(TlcArchive.key(cp + File.pathSeparator + other)));
        String withOther = TlcArchive.key(cp + File.pathSeparator + other);
        Files.write(other, new byte[] {0, 0}); // a rebuilt jar: another size
        assertFalse(withOther.equals(TlcArchive.key(cp + File.pathSeparator + other)));
    }

    /** A TLC child asked for TLC's usage, with stdin held open (the child ends when its parent's pipe closes). */
    private static Process child(List<String> archive, String cp, List<String> jvm) throws Exception {
        List<String> cmd = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvm);
        cmd.addAll(archive);
        cmd.addAll(List.of("-cp", cp, TlcChild.class.getName(), "-h"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        if (jvm.isEmpty()) {
            p.getInputStream().transferTo(OutputStream.nullOutputStream());
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        }
        return p;
    }
}
