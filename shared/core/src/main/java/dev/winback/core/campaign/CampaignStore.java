package dev.winback.core.campaign;

import java.util.List;
import java.util.Optional;

/** Where campaigns are kept: one item each, changed by conditional writes on its version. */
public interface CampaignStore {

    Optional<CampaignState> find(String campaignId);

    /** Stores a new campaign; empty when one with that id exists already. */
    Optional<CampaignState> create(CampaignState state);

    /** Stores the next state if the stored version is still {@code state.version()}; empty when another write came first. */
    Optional<CampaignState> save(CampaignState state);

    /** The ids of campaigns scheduled or sending: what a run takes up, without reading finished ones. */
    List<String> active();
}
