package dev.winback.functions.api;

import dev.winback.adapters.config.EngagementTable;
import dev.winback.adapters.config.Ingestion;
import dev.winback.adapters.config.LinkConfig;
import dev.winback.adapters.config.MessageDelivery;
import dev.winback.adapters.mustache.MustachePages;
import dev.winback.core.ingest.EventApplier;
import dev.winback.core.links.StaySubscribed;
import dev.winback.core.links.Unsubscribe;

import java.time.Clock;
import java.util.List;
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

    /** The link routes over the table and the ingestion pipeline, checking tokens with {@code links}' key ring. */
    public static RouteTable create(EngagementTable table, Ingestion ingestion, LinkConfig links, Clock clock) {
        LinkPages pages = new LinkPages(MustachePages.shipped());
        EventApplier events = IntakeApplier.of(ingestion.intake());
        UnsubscribeRoute unsubscribe = new UnsubscribeRoute(new Unsubscribe(links.tokens(), events, clock), pages);
        KeepSubscribedRoute keepSubscribed = new KeepSubscribedRoute(
                new StaySubscribed(links.tokens(), events, clock), pages);
        PreferenceLink preferenceLink = new PreferenceLink(links.tokens(), clock);
        PreferenceUseCases preferences = PreferenceUseCases.of(table, ingestion, MessageDelivery.policy(ingestion), clock);
        PreferencePageRoute preferencePage = new PreferencePageRoute(preferenceLink, preferences.show(),
                preferences.save(), new PreferencePage(pages), clock);
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

    /**
     * Before a SnapStart snapshot: each link route family once through {@code routes} with a path that
     * is not a token, refused (and its page rendered) before any key or record is read.
     */
    public static void prime(RouteTable routes) {
        Map<String, String> notAToken = Map.of("token", RoutePriming.NOT_A_TOKEN);
        RoutePriming.prime(routes, List.of(
                RoutePriming.request(UnsubscribeRoute.GET, notAToken, null),
                RoutePriming.request(KeepSubscribedRoute.GET, notAToken, null),
                RoutePriming.request(PreferencePageRoute.GET, notAToken, null),
                RoutePriming.request(PreferencesJsonRoute.LINK_GET, notAToken, null)));
    }
}
