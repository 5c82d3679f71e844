package dev.winback.core.journey;

/**
 * The store numbers versions, not the text: a definition read from version {@code n} of journey
 * {@code id} is that journey at version {@code n}, whatever its text says.
 */
final class JourneyVersioning {

    private JourneyVersioning() {
    }

    static JourneyDefinition as(JourneyDefinition d, String id, int version) {
        return new JourneyDefinition(id, version, d.name(), d.purpose(), d.category(), d.priorityGroup(), d.priority(),
                d.trigger(), d.firstStep(), d.steps(), d.exitOn(), d.reentry(), d.note());
    }
}
