package dev.winback.core.delivery;

import dev.winback.core.event.Channel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A sender that answers as told and remembers every call, and which calls the provider kept. */
final class ScriptedSender implements ChannelSender {

    private final Channel channel;
    private Function<OutboundMessage, SendResult> answer;
    final List<OutboundMessage> calls = new ArrayList<>();
    /** Calls the provider took: accepted, or answered Unknown after taking them. */
    final List<OutboundMessage> delivered = new ArrayList<>();

    ScriptedSender(Channel channel, boolean receipts) {
        this.channel = channel;
        this.answer = message -> new SendResult.Accepted("p-" + message.messageId(), receipts);
    }

    ScriptedSender answering(Function<OutboundMessage, SendResult> next) {
        this.answer = next;
        return this;
    }

    @Override
    public Channel channel() {
        return channel;
    }

    @Override
    public synchronized SendResult send(OutboundMessage message) {
        calls.add(message);
        SendResult result = answer.apply(message);
        if (result instanceof SendResult.Accepted) delivered.add(message);
        return result;
    }
}
