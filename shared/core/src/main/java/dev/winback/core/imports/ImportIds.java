package dev.winback.core.imports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Event ids of imported facts, derived from what they say: importing the same file again gives the
 * same ids, which the record recognises as duplicates. The values (addresses) are hashed, never
 * spelt out in an id.
 */
public final class ImportIds {

    private ImportIds() {
    }

    /** {@code <source>:<32 hex of SHA-256 over the parts>}. */
    public static String of(String source, String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0); // a separator no part contains: ("ab","c") differs from ("a","bc")
            }
            return source + ":" + HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
