package dev.winback.functions.api;

import dev.winback.adapters.EngagementServices;
import dev.winback.adapters.config.LinkConfig;

import java.time.Clock;
import java.util.Map;

/**
 * The signed-link routes in messages, anonymous (the token is their authority): one-click
 * unsubscribe ({@code /u/{token}}), the last chance's keep-me-subscribed button ({@code /k/{token}}) and the preference centre ({@code /p/{token}}, as a page and as
 * JSON). They run in their own function (PublicLinksFunction in template.yaml), which may only read
 * and write the table and read the link key, so a flood of link requests cannot reach anything else.
 */
public final class LinkRoutes {

    private LinkRoutes() {
    }

    public static RouteTable create(EngagementServices services, LinkConfig links, Clock clock) {
        UnsubscribeRoute unsubscribe = new UnsubscribeRoute(links.tokens(), services.intake(), clock);
        KeepSubscribedRoute keepSubscribed = new KeepSubscribedRoute(links.tokens(), services.intake(), clock);
        PreferenceLink preferenceLink = new PreferenceLink(links.tokens(), clock);
        PreferenceCentre preferences = preferenceCentre(services, clock);
        PreferencePageRoute preferencePage = new PreferencePageRoute(preferenceLink, preferences, clock);
        PreferencesJsonRoute preferencesJson = PreferencesJsonRoute.forLink(preferenceLink, preferences);
        return new RouteTable(Map.of(
                UnsubscribeRoute.GET, unsubscribe,
                UnsubscribeRoute.POST, unsubscribe,
                KeepSubscribedRoute.GET, keepSubscribed,
                KeepSubscribedRoute.POST, keepSubscribed,
                PreferencePageRoute.GET, preferencePage,
                PreferencePageRoute.POST, preferencePage,
                PreferencesJsonRoute.LINK_GET, preferencesJson,
                PreferencesJsonRoute.LINK_PUT, preferencesJson));
    }

    /** The preference centre both the links and the operators' {@code /v1} routes work on. */
    static PreferenceCentre preferenceCentre(EngagementServices services, Clock clock) {
        return new PreferenceCentre(services.store()::find, services.intake(), services.deliveryPolicy(), clock);
    }
}
