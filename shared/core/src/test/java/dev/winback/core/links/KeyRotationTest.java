package dev.winback.core.links;

import dev.winback.core.event.Channel;
import org.junit.jupiter.api.Test;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyRotationTest {

    private static final Instant ISSUED = Instant.parse("2026-11-01T09:30:00Z");
    private static final byte[] K1 = "first-deployment-secret-of-32-bytes-or-more".getBytes(StandardCharsets.UTF_8);
    private static final byte[] K2 = "second-deployment-secret-of-32-bytes-or-more".getBytes(StandardCharsets.UTF_8);

    private final KeyMaterial beforeRotation = KeyMaterial.of("k1", Map.of("k1", K1));
    private final KeyMaterial afterRotation = KeyMaterial.of("k2", Map.of("k1", K1, "k2", K2));
    private final KeyMaterial k1Removed = KeyMaterial.of("k2", Map.of("k2", K2));

    @Test
    void aTokenMintedUnderK1_stillWorksAfterRotationToK2_andNotOnceK1IsRemoved() {
        LinkToken grant = LinkToken.unsubscribe("c-1", Channel.EMAIL, null, ISSUED);
        String old = new LinkTokens(beforeRotation).issue(grant);

        assertThat(new LinkTokens(afterRotation).check(old, ISSUED)).isEqualTo(new LinkTokens.Checked.Valid(grant));
        assertThat(new LinkTokens(k1Removed).check(old, ISSUED))
                .isEqualTo(new LinkTokens.Checked.Invalid(LinkTokens.Rejection.UNKNOWN_KEY));
        String fresh = new LinkTokens(afterRotation).issue(grant);
        assertThat(fresh).isNotEqualTo(old);
        assertThat(new LinkTokens(k1Removed).check(fresh, ISSUED)).isEqualTo(new LinkTokens.Checked.Valid(grant));
        assertThat(new LinkTokens(beforeRotation).check(fresh, ISSUED))
                .as("a newer key the checker does not have yet").isInstanceOf(LinkTokens.Checked.Invalid.class);
    }

    @Test
    void aRetiredKey_checksNoLink_butItsHashesStillMatch() {
        KeyMaterial retired = KeyMaterial.of("k2", Map.of("k1", K1, "k2", K2), java.util.Set.of("k1"));
        String old = new LinkTokens(beforeRotation).issue(LinkToken.preferences("c-1", ISSUED));

        assertThat(new LinkTokens(retired).check(old, ISSUED))
                .isEqualTo(new LinkTokens.Checked.Invalid(LinkTokens.Rejection.UNKNOWN_KEY));
        assertThat(new ContactHashes(retired).emailUnderEveryKey("ann@example.com"))
                .contains(new ContactHashes(beforeRotation).email("ann@example.com"));
        assertThatThrownBy(() -> new KeyMaterial.Ring("k2", Map.of("k1", K1, "k2", K2), java.util.Set.of("k2")))
                .as("the current key signs: it cannot be retired").isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTokenThatNamesAnotherKeyOfTheRing_isForged() {
        String underK1 = new LinkTokens(beforeRotation).issue(LinkToken.preferences("c-1", ISSUED));
        byte[] raw = Base64.getUrlDecoder().decode(underK1);
        raw[3] = '2'; // "k1" -> "k2": the tag no longer matches
        String relabelled = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);

        assertThat(new LinkTokens(afterRotation).check(relabelled, ISSUED))
                .isEqualTo(new LinkTokens.Checked.Invalid(LinkTokens.Rejection.FORGED));
    }

    @Test
    void aVersion1Token_fromBeforeKeyIds_isCheckedWithTheLegacyKey() throws Exception {
        LinkToken grant = LinkToken.unsubscribe("c-000123", Channel.SMS, null, ISSUED);
        // Made exactly as version 1 made them: version | tag | AES-CTR(plain) under the plain secret.
        String legacy = new LinkTokens(KeyMaterial.of(K1)).issue(grant);
        byte[] v2 = Base64.getUrlDecoder().decode(legacy);
        assertThat(v2[0]).isEqualTo((byte) 2);
        assertThat(new String(v2, 2, v2[1], StandardCharsets.US_ASCII)).isEqualTo(KeyMaterial.LEGACY_ID);
        byte[] plain = decrypt(v2, 2 + v2[1]);
        byte[] tag = Arrays.copyOf(KeyMaterial.hmac(KeyMaterial.of(K1).current().tokenMac(), new byte[]{1}, plain), 16);
        byte[] v1 = new byte[1 + 16 + plain.length];
        v1[0] = 1;
        System.arraycopy(tag, 0, v1, 1, 16);
        Cipher aes = Cipher.getInstance("AES/CTR/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(KeyMaterial.of(K1).current().tokenEncryption(), "AES"),
                new IvParameterSpec(tag));
        System.arraycopy(aes.doFinal(plain), 0, v1, 17, plain.length);
        String version1 = Base64.getUrlEncoder().withoutPadding().encodeToString(v1);

        KeyMaterial rotated = KeyMaterial.of("k2", Map.of(KeyMaterial.LEGACY_ID, K1, "k2", K2));
        assertThat(new LinkTokens(rotated).check(version1, ISSUED)).isEqualTo(new LinkTokens.Checked.Valid(grant));
        assertThat(new LinkTokens(k1Removed).check(version1, ISSUED))
                .isEqualTo(new LinkTokens.Checked.Invalid(LinkTokens.Rejection.UNKNOWN_KEY));
    }

    @Test
    void contactHashes_areWrittenUnderTheCurrentKey_andLookedUpUnderEveryKey() {
        ContactHashes before = new ContactHashes(beforeRotation);
        ContactHashes after = new ContactHashes(afterRotation);
        ContactHashes legacy = new ContactHashes(KeyMaterial.of(K1));

        String underK1 = before.email("Ann@Example.com ");
        assertThat(underK1).startsWith("k1.").isEqualTo(before.email("ann@example.com"));
        assertThat(after.email("ann@example.com")).startsWith("k2.");
        assertThat(after.emailUnderEveryKey("ann@example.com")).containsExactly(after.email("ann@example.com"), underK1);
        assertThat(after.phoneUnderEveryKey("+1 555-0100")).hasSize(2).contains(before.phone("+15550100"));
        assertThat(legacy.phone("+15550100")).as("hashes from before key ids keep their form").matches("[0-9a-f]{40}");
    }

    @Test
    void aRing_refusesShortKeys_badIds_andACurrentIdThatNamesNoKey() {
        assertThatThrownBy(() -> new KeyMaterial.Ring("k1", Map.of("k1", new byte[16])))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeyMaterial.Ring("k.1", Map.of("k.1", K1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeyMaterial.Ring("k3", Map.of("k1", K1))).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] decrypt(byte[] token, int header) throws Exception {
        byte[] tag = Arrays.copyOfRange(token, header, header + 16);
        Cipher aes = Cipher.getInstance("AES/CTR/NoPadding");
        aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(KeyMaterial.of(K1).current().tokenEncryption(), "AES"),
                new IvParameterSpec(tag));
        return aes.doFinal(Arrays.copyOfRange(token, header + 16, token.length));
    }
}
