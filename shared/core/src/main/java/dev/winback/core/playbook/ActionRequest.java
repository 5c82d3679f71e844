package dev.winback.core.playbook;

import dev.winback.core.event.Channel;
import dev.winback.core.event.Purpose;
import dev.winback.core.signal.Signal;
import dev.winback.core.record.SignalType;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A request to carry out one retention action for one customer, because of one signal.
 *
 * @param idempotencyKey    the same for every request caused by the same transition, however often
 *                          the signal is evaluated: see {@link #idempotencyKey(String, SignalType, Instant, RetentionAction, String)}
 * @param signalSince       when the signal became true; part of the key, so a later, separate
 *                          transition of the same signal is a new request
 * @param signalExplanation the signal's reason in words, without personal data
 * @param channelPlan       the channels to try, in order; empty for actions that are not messages
 * @param playbookVersion   the rules that decided it, so outcomes can be traced to them; not part
 *                          of the key, so publishing a new playbook does not request again
 */
public record ActionRequest(
        String idempotencyKey,
        String customerId,
        SignalType signalType,
        Instant signalSince,
        String signalExplanation,
        RetentionAction action,
        String campaignId,
        List<Channel> channelPlan,
        Purpose purpose,
        Instant requestedAt,
        PlaybookVersion playbookVersion) {

    public ActionRequest {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(signalType, "signalType");
        Objects.requireNonNull(signalSince, "signalSince");
        Objects.requireNonNull(signalExplanation, "signalExplanation");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(purpose, "purpose");
        Purpose.requireOfMessages(purpose);
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(playbookVersion, "playbookVersion");
        channelPlan = List.copyOf(channelPlan);
    }

    static ActionRequest of(String customerId, Signal signal, PlannedAction planned, List<Channel> channelPlan,
                            Instant requestedAt, PlaybookVersion version) {
        return new ActionRequest(
                idempotencyKey(customerId, signal.type(), signal.since(), planned.action(), planned.campaignId()),
                customerId, signal.type(), signal.since(), signal.explanation(), planned.action(),
                planned.campaignId(), channelPlan, planned.purpose(), requestedAt, version);
    }

    /**
     * SHA-256, in hex, of the customer, the signal type, the instant the signal became true, the
     * action and the campaign, each length-prefixed so that no two different tuples share an
     * encoding. Deterministic across processes and releases; changing it would re-send everything.
     */
    public static String idempotencyKey(String customerId, SignalType signalType, Instant signalSince,
                                        RetentionAction action, String campaignId) {
        MessageDigest sha256 = sha256();
        for (String part : List.of(customerId, signalType.wireName(), signalSince.toString(), action.wireName(), campaignId)) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            sha256.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
            sha256.update(bytes);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
