package dev.winback.functions.links;

import dev.winback.adapters.config.SnapStartPriming;
import dev.winback.adapters.config.AwsClients;
import dev.winback.adapters.config.EngagementTable;
import dev.winback.adapters.config.Ingestion;
import dev.winback.adapters.config.LinkConfig;
import dev.winback.adapters.config.WinbackConfig;
import dev.winback.adapters.config.WriterThreads;
import dev.winback.functions.api.LinkRoutes;
import dev.winback.functions.api.RouteTable;

import java.time.Clock;

/**
 * The public-links function's object graph: the table and the ingestion pipeline with one key ring
 * for the links it checks and the contact hashes it writes and looks up, and the link routes.
 */
public final class PublicLinksComposition {

    private final Ingestion ingestion;
    private final RouteTable routes;

    /** On AWS, from the function's environment (the link secret is read on first use). */
    public static PublicLinksComposition fromEnvironment() {
        AwsClients clients = new AwsClients();
        PublicLinksComposition composition = new PublicLinksComposition(WinbackConfig.fromEnvironment(System.getenv()),
                clients, LinkConfig.fromEnvironment(System.getenv(), clients), Clock.systemUTC());
        SnapStartPriming.register("public-links", composition::prime);
        return composition;
    }

    /** For the local runtime and tests: links signed with the local development secret. */
    public static PublicLinksComposition local(WinbackConfig config, AwsClients clients, Clock clock) {
        return new PublicLinksComposition(config, clients, LinkConfig.localDevelopment(null), clock);
    }

    public PublicLinksComposition(WinbackConfig config, AwsClients clients, LinkConfig links, Clock clock) {
        EngagementTable table = new EngagementTable(config, clients, clock, links.keys());
        this.ingestion = new Ingestion(table, clock, WriterThreads.newPool());
        this.routes = LinkRoutes.create(table, ingestion, links, clock);
    }

    /**
     * Before a SnapStart snapshot: the ingestion's priming (what an unsubscribe goes through) and the
     * link routes on a path that is not a token. The link key is not read: it stays out of the snapshot.
     */
    public void prime() {
        ingestion.prime();
        LinkRoutes.prime(routes);
    }

    /** The signed-link routes by API Gateway route key. */
    public RouteTable routes() {
        return routes;
    }
}
