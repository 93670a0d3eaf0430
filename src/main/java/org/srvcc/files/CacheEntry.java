package org.srvcc.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One file of a result cache: a format line, the key, named fields, the SHA-256 of the body, a blank
 * line, the body. An entry whose format, key or digest does not match is deleted and never trusted;
 * the caller treats what it parses from a good one as untrusted too (a bad field is a miss).
 */
public record CacheEntry(Map<String, String> fields, String body) {
    /** The entry at {@code f}, if it is one of {@code format} under {@code key} and its body is intact. */
    public static Optional<CacheEntry> read(Path f, String format, String key) {
        if (!Files.isRegularFile(f)) return Optional.empty();
        try {
            String text = Files.readString(f);
            int end = text.indexOf("\n\n");
            if (end < 0) throw new IOException("no header");
            String[] head = text.substring(0, end).split("\n");
            String body = text.substring(end + 2);
            if (head.length < 3
                    || !head[0].equals(format)
                    || !head[1].equals("key " + key)
                    || !head[head.length - 1].equals("sha256 " + digest(body))) throw new IOException("integrity");
            Map<String, String> fields = new LinkedHashMap<>();
            for (int i = 2; i < head.length - 1; i++) {
                int sp = head[i].indexOf(' ');
                if (sp <= 0) throw new IOException("field");
                fields.put(head[i].substring(0, sp), head[i].substring(sp + 1));
            }
            return Optional.of(new CacheEntry(fields, body));
        } catch (IOException | RuntimeException bad) {
            drop(f);
            return Optional.empty();
        }
    }

    /** Removes an entry found broken; the answer is then computed again. */
    public static void drop(Path f) {
        try {
            Files.deleteIfExists(f);
        } catch (IOException ignored) {
            // a read-only cache folder: the entry is ignored all the same
        }
    }

    /** Writes an entry atomically (fields in the given order). */
    public static void write(Path f, String format, String key, Map<String, String> fields, String body)
            throws IOException {
        Files.createDirectories(f.getParent());
        StringBuilder b = new StringBuilder(format).append("\nkey ").append(key);
        fields.forEach((k, v) -> b.append('\n').append(k).append(' ').append(v));
        b.append("\nsha256 ").append(digest(body)).append("\n\n").append(body);
        AtomicFiles.write(f, b.toString());
    }

    private static String digest(String s) {
        return HexFormat.of().formatHex(sha256().digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    /** Adds s to a digest, length-prefixed. */
    public static void add(MessageDigest d, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        d.update(ByteBuffer.allocate(4).putInt(b.length).array()); // length-prefixed: no two inputs share a stream
        d.update(b);
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
