package org.srvcc.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Text files the tool reads (manifest, ledger, scenarios): size-capped before reading, strict UTF-8, one-line errors.
 */
public final class TextFiles {
    private TextFiles() {}

    /** Manifests and ledgers: a few hundred KB today; anything near this cap is not one. */
    public static final long MAX_BYTES = 16L << 20;

    public static String read(Path file, String what) throws IOException {
        return read(file, what, MAX_BYTES);
    }

    public static String read(Path file, String what, long maxBytes) throws IOException {
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException(what + ": no file " + file);
        long size = Files.size(file);
        if (size > maxBytes)
            throw new IllegalArgumentException(
                    what + " " + file + ": " + size + " bytes, more than the " + maxBytes + " allowed");
        byte[] b = Files.readAllBytes(file);
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(what + " " + file + ": not UTF-8 text");
        }
    }
}
