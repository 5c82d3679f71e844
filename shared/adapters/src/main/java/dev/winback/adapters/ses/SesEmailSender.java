package dev.winback.adapters.ses;

import dev.winback.adapters.aws.SdkFailures;
import dev.winback.adapters.aws.TransmissionTracker;
import dev.winback.core.delivery.ChannelSender;
import dev.winback.core.delivery.OutboundMessage;
import dev.winback.core.delivery.RenderedContent;
import dev.winback.core.delivery.SendResult;
import dev.winback.core.event.Channel;
import dev.winback.core.event.Purpose;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.AccountSuspendedException;
import software.amazon.awssdk.services.sesv2.model.BadRequestException;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.LimitExceededException;
import software.amazon.awssdk.services.sesv2.model.MailFromDomainNotVerifiedException;
import software.amazon.awssdk.services.sesv2.model.MessageHeader;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sesv2.model.MessageTag;
import software.amazon.awssdk.services.sesv2.model.NotFoundException;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SendEmailResponse;
import software.amazon.awssdk.services.sesv2.model.SendingPausedException;
import software.amazon.awssdk.services.sesv2.model.TooManyRequestsException;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Email through SES v2 {@code SendEmail}: simple content (subject, HTML and plain-text parts, UTF-8)
 * in the configured configuration set, tagged with Winback's message id so that SES events lead
 * back to the message. Marketing mail carries the RFC 8058 one-click unsubscribe headers
 * ({@code List-Unsubscribe} with the signed per-recipient URL, {@code List-Unsubscribe-Post}) as
 * SES simple-content headers. Never logs addresses or content.
 */
public final class SesEmailSender implements ChannelSender {

    /** The message tag carrying {@link OutboundMessage#messageId()}. */
    public static final String MESSAGE_ID_TAG = "winback-message-id";
    public static final String LIST_UNSUBSCRIBE = "List-Unsubscribe";
    public static final String LIST_UNSUBSCRIBE_POST = "List-Unsubscribe-Post";
    public static final String ONE_CLICK = "List-Unsubscribe=One-Click";

    private static final String PROVIDER = "SES";
    /** SES tag values allow ASCII letters, digits, '_' and '-' only. */
    private static final Pattern TAG_VALUE = Pattern.compile("[A-Za-z0-9_-]{1,255}");

    private final SesV2Client ses;
    private final String fromAddress;
    private final String configurationSet;
    private final boolean tracked;

    /**
     * @param fromAddress      the verified sender, optionally with a display name
     *                         ({@code "Shop <news@shop.example>"})
     * @param configurationSet the configuration set whose event destinations report deliveries,
     *                         bounces and complaints
     */
    public SesEmailSender(SesV2Client ses, String fromAddress, String configurationSet) {
        this.ses = Objects.requireNonNull(ses, "ses");
        this.fromAddress = Objects.requireNonNull(fromAddress, "fromAddress");
        this.configurationSet = Objects.requireNonNull(configurationSet, "configurationSet");
        this.tracked = TransmissionTracker.installedOn(ses.serviceClientConfiguration().overrideConfiguration());
    }

    /**
     * The client settings a sending client needs: no SDK retries (a retry after a lost response
     * would send the mail twice; the delivery pipeline retries what is certainly unsent), the
     * transmission tracker, and call timeouts well inside the function's.
     */
    public static ClientOverrideConfiguration.Builder clientSettings(ClientOverrideConfiguration.Builder builder) {
        return TransmissionTracker.install(builder)
                .retryStrategy(AwsRetryStrategy.doNotRetry())
                .apiCallAttemptTimeout(Duration.ofSeconds(5))
                .apiCallTimeout(Duration.ofSeconds(8));
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public SendResult send(OutboundMessage message) {
        if (message.channel() != Channel.EMAIL) {
            throw new IllegalArgumentException("an email sender got a message for " + message.channel());
        }
        if (message.purpose() == Purpose.MARKETING && message.unsubscribeUrl().isEmpty()) {
            return new SendResult.Rejected(SendResult.FailureKind.OTHER,
                    "marketing email needs a one-click unsubscribe link; not sent");
        }
        if (message.purpose() == Purpose.MARKETING
                && !"https".equalsIgnoreCase(message.unsubscribeUrl().orElseThrow().getScheme())) {
            return new SendResult.Rejected(SendResult.FailureKind.OTHER,
                    "the one-click unsubscribe link must be https (RFC 8058); not sent");
        }
        if (!TAG_VALUE.matcher(message.messageId()).matches()) {
            return new SendResult.Rejected(SendResult.FailureKind.OTHER,
                    "message id is not a valid SES tag value (letters, digits, '_' and '-', at most 255)");
        }
        SendEmailRequest request = request(message);
        try (TransmissionTracker.Call call = TransmissionTracker.begin()) {
            try {
                SendEmailResponse response = ses.sendEmail(request);
                return new SendResult.Accepted(response.messageId(), true);
            } catch (AwsServiceException e) {
                return refused(e);
            } catch (SdkException e) {
                return SdkFailures.classify(PROVIDER, e, !tracked || call.transmitted());
            }
        }
    }

    /** The SendEmail request for a message (package-private for tests). */
    SendEmailRequest request(OutboundMessage message) {
        RenderedContent content = message.content();
        List<MessageHeader> headers = new ArrayList<>();
        if (message.purpose() == Purpose.MARKETING) {
            headers.addAll(unsubscribeHeaders(message.unsubscribeUrl().orElseThrow()));
        }
        return SendEmailRequest.builder()
                .fromEmailAddress(fromAddress)
                .destination(d -> d.toAddresses(message.address()))
                .configurationSetName(configurationSet)
                .emailTags(MessageTag.builder().name(MESSAGE_ID_TAG).value(message.messageId()).build())
                .content(c -> c.simple(m -> m
                        .subject(utf8(content.subject()))
                        .body(body(content))
                        .headers(headers)))
                .build();
    }

    /** RFC 8058: exactly these two headers, the URL in angle brackets. */
    static List<MessageHeader> unsubscribeHeaders(URI oneClick) {
        return List.of(
                MessageHeader.builder().name(LIST_UNSUBSCRIBE).value("<" + oneClick.toASCIIString() + ">").build(),
                MessageHeader.builder().name(LIST_UNSUBSCRIBE_POST).value(ONE_CLICK).build());
    }

    private SendResult refused(AwsServiceException e) {
        String code = SdkFailures.errorCode(e);
        String text = SdkFailures.messageForMatching(e);
        if (e instanceof MailFromDomainNotVerifiedException) {
            return senderNotVerified("the MAIL FROM domain of the sender is not verified in SES");
        }
        if (e instanceof MessageRejectedException || "MessageRejected".equals(code)) {
            if (text.contains("not verified") || text.contains("authority to send") || text.contains("not authorized")) {
                return mentionsSender(text)
                        ? senderNotVerified("the sender identity is not verified in SES (verify the address or its domain"
                        + " in this region)")
                        : new SendResult.Rejected(SendResult.FailureKind.INVALID_ADDRESS,
                        "SES refused the recipient as unverified (the account is in the SES sandbox)");
            }
            if (text.contains("suppress") || text.contains("blacklist")) {
                return new SendResult.Rejected(SendResult.FailureKind.SUPPRESSED_BY_PROVIDER,
                        "the recipient is on the SES suppression list");
            }
            return new SendResult.Rejected(SendResult.FailureKind.CONTENT_REJECTED, "SES rejected the message ("
                    + code + ")");
        }
        if (e instanceof TooManyRequestsException || e instanceof LimitExceededException) {
            return new SendResult.Retryable("SES sending rate or quota exceeded (" + code + ")");
        }
        if (e instanceof SendingPausedException) {
            return new SendResult.Retryable("SES sending is paused for the account or configuration set");
        }
        if (e instanceof AccountSuspendedException) {
            return new SendResult.Rejected(SendResult.FailureKind.OTHER, "the SES account is suspended from sending");
        }
        if (e instanceof NotFoundException) {
            return new SendResult.Rejected(SendResult.FailureKind.OTHER,
                    "SES does not know a resource of the request (configuration set?) (" + code + ")");
        }
        if ((e instanceof BadRequestException || "InvalidParameterValue".equals(code)) && mentionsAddress(text)) {
            return new SendResult.Rejected(SendResult.FailureKind.INVALID_ADDRESS, "SES refused the address as invalid");
        }
        return SdkFailures.serviceFailure(PROVIDER, e);
    }

    private static SendResult senderNotVerified(String reason) {
        return new SendResult.Rejected(SendResult.FailureKind.SENDER_NOT_VERIFIED, reason);
    }

    /**
     * Whether SES's message names the sender address: SES lists the identities that failed the
     * check, so an unverified sender is named there, an unverified recipient (sandbox) is not.
     */
    private boolean mentionsSender(String text) {
        return text.contains(bareAddress(fromAddress).toLowerCase(Locale.ROOT));
    }

    /** SES (and moto) word address problems as "Illegal address", "Missing final '@domain'", "Missing domain", ... */
    private static boolean mentionsAddress(String text) {
        return text.contains("address") || text.contains("domain") || text.contains("local part");
    }

    static String bareAddress(String from) {
        int open = from.lastIndexOf('<');
        int close = from.lastIndexOf('>');
        return open >= 0 && close > open ? from.substring(open + 1, close).trim() : from.trim();
    }

    /** Both parts; a message without an HTML part goes as plain text only. */
    private static Body body(RenderedContent content) {
        Body.Builder body = Body.builder().text(utf8(content.text()));
        if (!content.html().isBlank()) body.html(utf8(content.html()));
        return body.build();
    }

    private static Content utf8(String text) {
        return Content.builder().data(text).charset(StandardCharsets.UTF_8.name()).build();
    }
}
