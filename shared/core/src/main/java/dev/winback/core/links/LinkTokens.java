package dev.winback.core.links;

import dev.winback.core.event.Channel;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * Opaque, signed link tokens. A token is {@code base64url(version | key id | tag | ciphertext)}
 * (version 2; the key id is one length byte and up to 16 ASCII characters), and it is checked with
 * the key it names, so a token sent before the secret rotated keeps working as long as its key stays
 * in the secret. Version 1 tokens ({@code version | tag | ciphertext}, before key ids) are checked
 * with the key of id {@link KeyMaterial#LEGACY_ID}. The plaintext (kind, issue time, channel, category, customer id) is encrypted with AES-256-CTR under
 * an IV that is the first 16 bytes of its HMAC-SHA256 (a synthetic IV, as in SIV mode), and that
 * HMAC is checked on the way back: changing any bit of a token, or making one up, fails the check
 * (a forgery has a 2^-128 chance). The customer id is encrypted, not just signed: ids are often
 * sequential database keys that mean something elsewhere, and links are forwarded, logged by mail
 * scanners and kept in inboxes for years, so the token reveals nothing about whom it names.
 *
 * <p>Deterministic: the same grant issued at the same second yields the same token. Tokens carry
 * no email address or phone number, only the opaque customer id, and nothing beyond the grant.
 */
public final class LinkTokens {

    /** At least a year, with room for a mail read late in its second year. */
    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(730);
    /** Tolerated clock difference between the issuing and the checking function. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    static final int VERSION = 2;
    /** Tokens issued before key ids: no key id, checked with the legacy key. */
    static final int VERSION_WITHOUT_KEY_ID = 1;
    static final int TAG_BYTES = 16;
    static final int MAX_TOKEN_CHARS = 512;

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final KeyMaterial keys;
    private final Duration validity;

    public LinkTokens(KeyMaterial keys, Duration validity) {
        this.keys = Objects.requireNonNull(keys, "keys");
        if (validity.compareTo(Duration.ofDays(365)) < 0) {
            throw new IllegalArgumentException("links must stay valid for at least a year");
        }
        this.validity = validity;
    }

    public LinkTokens(KeyMaterial keys) {
        this(keys, DEFAULT_VALIDITY);
    }

    public Duration validity() {
        return validity;
    }

    /**
     * Why a token was not accepted; never says more than that to the caller. {@code UNKNOWN_KEY}: its
     * key was retired or removed from the secret, or never was in it.
     */
    public enum Rejection { MALFORMED, UNKNOWN_KEY, FORGED, EXPIRED }

    /** The outcome of checking a token. */
    public sealed interface Checked {
        record Valid(LinkToken token) implements Checked { }
        record Invalid(Rejection reason) implements Checked { }
    }

    public String issue(LinkToken token) {
        KeyMaterial.Derived key = keys.current();
        byte[] id = key.id().getBytes(StandardCharsets.US_ASCII);
        byte[] header = new byte[2 + id.length];
        header[0] = VERSION;
        header[1] = (byte) id.length;
        System.arraycopy(id, 0, header, 2, id.length);
        byte[] plain = encode(token);
        byte[] tag = Arrays.copyOf(KeyMaterial.hmac(key.tokenMac(), header, plain), TAG_BYTES);
        byte[] cipher = ctr(key, tag, plain);
        byte[] out = new byte[header.length + TAG_BYTES + cipher.length];
        System.arraycopy(header, 0, out, 0, header.length);
        System.arraycopy(tag, 0, out, header.length, TAG_BYTES);
        System.arraycopy(cipher, 0, out, header.length + TAG_BYTES, cipher.length);
        return ENCODER.encodeToString(out);
    }

    public Checked check(String token, Instant now) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_CHARS) return invalid(Rejection.MALFORMED);
        byte[] raw;
        try {
            raw = DECODER.decode(token);
        } catch (IllegalArgumentException e) {
            return invalid(Rejection.MALFORMED);
        }
        // Base64 decoding forgives some spellings (stray padding bits); insist on the one canonical form.
        if (raw.length < 1 || !ENCODER.encodeToString(raw).equals(token)) return invalid(Rejection.MALFORMED);
        int headerLength;
        String keyId;
        if (raw[0] == VERSION_WITHOUT_KEY_ID) {
            headerLength = 1;
            keyId = KeyMaterial.LEGACY_ID;
        } else if (raw[0] == VERSION && raw.length > 2 && raw[1] > 0 && raw[1] <= 16) {
            headerLength = 2 + raw[1];
            if (raw.length < headerLength) return invalid(Rejection.MALFORMED);
            keyId = new String(raw, 2, raw[1], StandardCharsets.US_ASCII);
        } else {
            return invalid(Rejection.MALFORMED);
        }
        if (raw.length < headerLength + TAG_BYTES + 1) return invalid(Rejection.MALFORMED);
        Optional<KeyMaterial.Derived> key = keys.byId(keyId).filter(k -> !k.retired());
        if (key.isEmpty()) return invalid(Rejection.UNKNOWN_KEY);
        byte[] header = Arrays.copyOf(raw, headerLength);
        byte[] tag = Arrays.copyOfRange(raw, headerLength, headerLength + TAG_BYTES);
        byte[] plain = ctr(key.get(), tag, Arrays.copyOfRange(raw, headerLength + TAG_BYTES, raw.length));
        byte[] expected = Arrays.copyOf(KeyMaterial.hmac(key.get().tokenMac(), header, plain), TAG_BYTES);
        if (!MessageDigest.isEqual(tag, expected)) return invalid(Rejection.FORGED);
        Optional<LinkToken> decoded = decode(plain);
        if (decoded.isEmpty()) return invalid(Rejection.FORGED);
        Instant issued = decoded.get().issuedAt();
        if (issued.isAfter(now.plus(CLOCK_SKEW)) || !now.isBefore(issued.plus(validity))) {
            return invalid(Rejection.EXPIRED);
        }
        return new Checked.Valid(decoded.get());
    }

    private static Checked invalid(Rejection reason) {
        return new Checked.Invalid(reason);
    }

    private static byte[] ctr(KeyMaterial.Derived key, byte[] iv, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key.tokenEncryption(), "AES"), new IvParameterSpec(iv));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/CTR is unavailable", e);
        }
    }

    private static byte[] encode(LinkToken token) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(token.kind().ordinal());
            out.writeLong(token.issuedAt().getEpochSecond());
            out.writeByte(token.channel().map(c -> c.ordinal() + 1).orElse(0));
            writeText(out, token.category().orElse(""));
            writeText(out, token.customerId());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Optional<LinkToken> decode(byte[] plain) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plain))) {
            int kind = in.readUnsignedByte();
            long issued = in.readLong();
            int channel = in.readUnsignedByte();
            String category = readText(in);
            String customerId = readText(in);
            if (in.available() != 0 || kind >= LinkToken.Kind.values().length || channel > Channel.values().length
                    || customerId.isEmpty() || issued < 0) {
                return Optional.empty();
            }
            LinkToken.Kind k = LinkToken.Kind.values()[kind];
            Optional<Channel> ch = channel == 0 ? Optional.empty() : Optional.of(Channel.values()[channel - 1]);
            if ((k == LinkToken.Kind.UNSUBSCRIBE || k == LinkToken.Kind.KEEP_SUBSCRIBED) && ch.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new LinkToken(k, customerId, ch, category.isEmpty() ? Optional.empty()
                    : Optional.of(category), Instant.ofEpochSecond(issued)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void writeText(DataOutputStream out, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > 255) throw new IllegalArgumentException("link token fields are at most 255 bytes");
        out.writeByte(utf8.length);
        out.write(utf8);
    }

    private static String readText(DataInputStream in) throws IOException {
        byte[] utf8 = in.readNBytes(in.readUnsignedByte());
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
