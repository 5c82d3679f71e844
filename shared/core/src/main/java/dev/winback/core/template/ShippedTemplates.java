package dev.winback.core.template;

import java.util.Optional;
import java.util.Set;

/** The template sets shipped in the artifact: version 0 of every campaign that has one. */
public interface ShippedTemplates {

    Set<String> campaigns();

    Optional<TemplateSet> set(String campaignId);
}
