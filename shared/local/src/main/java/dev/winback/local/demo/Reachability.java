package dev.winback.local.demo;

import dev.winback.core.event.Channel;
import dev.winback.core.event.EmailStatus;
import dev.winback.core.event.EventPayload;
import dev.winback.core.event.SmsStatus;

import java.util.List;

/**
 * Which channels can reach a customer at a given instant, read off the customer's own lifecycle events, so
 * what the generator sends can never contradict what the events say.
 */
final class Reachability {

    private final StateTimeline appInstalled;
    private final StateTimeline pushGranted = new StateTimeline(false);
    private final StateTimeline emailSubscribed = new StateTimeline(false);
    private final StateTimeline smsSubscribed = new StateTimeline(false);

    private Reachability(boolean appInstalledBeforeWindow) {
        this.appInstalled = new StateTimeline(appInstalledBeforeWindow);
    }

    static Reachability of(List<Draft> milestones, boolean appInstalledBeforeWindow) {
        Reachability reach = new Reachability(appInstalledBeforeWindow);
        milestones.stream().sorted(Draft.CHRONOLOGICAL).forEach(draft -> reach.apply(draft));
        return reach;
    }

    private void apply(Draft draft) {
        switch (draft.payload()) {
            case EventPayload.AppInstalled ignored -> appInstalled.change(draft.at(), true);
            case EventPayload.AppUninstalled ignored -> appInstalled.change(draft.at(), false);
            case EventPayload.PushPermissionChanged push -> pushGranted.change(draft.at(), push.granted());
            case EventPayload.EmailSubscriptionChanged email ->
                    emailSubscribed.change(draft.at(), email.status() == EmailStatus.SUBSCRIBED);
            case EventPayload.SmsSubscriptionChanged sms ->
                    smsSubscribed.change(draft.at(), sms.status() == SmsStatus.SUBSCRIBED);
            case EventPayload.SessionStarted ignored -> { }
            case EventPayload.StoreVisited ignored -> { }
            case EventPayload.PurchaseCompleted ignored -> { }
            case EventPayload.OrderStatusChanged ignored -> { }
            case EventPayload.MessageSent ignored -> { }
            case EventPayload.MessageFeedback ignored -> { }
            case EventPayload.MessageFailed ignored -> { }
            case EventPayload.MembershipChanged ignored -> { }
            case EventPayload.ProfileUpdated ignored -> { }
            case EventPayload.PreferencesChanged ignored -> { }
            case EventPayload.ReviewSubmitted ignored -> { }
            case EventPayload.SurveyAnswered ignored -> { }
            // Consent is recorded next to each subscription change; the subscription status is what gates sends.
            case EventPayload.ConsentChanged ignored -> { }
        }
    }

    boolean appInstalledAt(long instant) {
        return appInstalled.at(instant);
    }

    /** Whether a marketing message may be put on the channel now. */
    boolean canSend(Channel channel, long instant) {
        return switch (channel) {
            case EMAIL -> emailSubscribed.at(instant);
            case SMS -> smsSubscribed.at(instant);
            case PUSH -> pushGranted.at(instant) && appInstalled.at(instant);
            case IN_APP -> appInstalled.at(instant);
            case WEBHOOK -> false;
        };
    }
}
