package org.srvcc.files;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sweep every run makes: a scratch folder whose owner process is gone is removed, nothing else. */
class ScratchTest {
    @Test
    void theSweepRemovesOnlyTheFoldersOfEndedOwners(@TempDir Path base) throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        Path dead = folder(base, "dead", String.valueOf(ended.pid()));
        Path live = folder(base, "live", String.valueOf(ProcessHandle.current().pid()));
        Path foreign = folder(base, "foreign", null); // no owner.pid: not made by this tool
        Path garbled = folder(base, "garbled", "not a pid");
        Scratch.sweep(base);
        assertFalse(Files.exists(dead), "the folder of an ended owner is left");
        assertTrue(Files.exists(live.resolve("work.txt")), "a running owner's folder was removed");
        assertTrue(Files.exists(foreign.resolve("work.txt")), "a folder without an owner was removed");
        assertTrue(Files.exists(garbled.resolve("work.txt")), "a folder with an unreadable owner was removed");
    }

    static Path folder(Path base, String name, String owner) throws Exception {
        Path d = Files.createDirectories(base.resolve(name).resolve("tmp"));
        Files.writeString(d.resolveSibling("work.txt"), "scratch");
        if (owner != null) Files.writeString(d.resolveSibling(Scratch.OWNER), owner);
        return d.getParent();
    }
}
