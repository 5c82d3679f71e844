package dev.winback.adapters.dynamodb;

import dev.winback.core.guardrail.GuardrailFigures;
import dev.winback.core.guardrail.PauseReason;
import dev.winback.core.guardrail.UnitPause;
import dev.winback.core.guardrail.UnitPauses;
import dev.winback.core.guardrail.UnitState;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The units' guardrail states in one item ({@code pk = GUARDRAIL}, {@code sk = UNITS}), a map
 * {@code units} from each unit ever paused to its state: {@code paused}, and while paused its
 * {@code reason}, {@code pausedAt} and {@code figures}; {@code resumedAt} after an operator resumed
 * it. One GetItem reads them all (every function reads them with the playbook, at most once a
 * minute, and may already read items); pausing and resuming are conditional writes on the unit's
 * entry, so of two racing checks or operators one wins and one event is published.
 */
public final class DynamoDbUnitPauses implements UnitPauses {

    private static final String UNITS = "units";
    private static final String PAUSED = "paused";
    private static final String REASON = "reason";
    private static final String PAUSED_AT = "pausedAt";
    private static final String FIGURES = "figures";
    private static final String RESUMED_AT = "resumedAt";
    private static final Map<String, AttributeValue> KEY = Map.of(Keys.PK, AttributeValue.fromS(Keys.GUARDRAIL_PK),
            Keys.SK, AttributeValue.fromS(Keys.GUARDRAIL_UNITS_SK));

    private final DynamoDbClient dynamoDb;
    private final String table;
    private final CapacityMeter meter;

    public DynamoDbUnitPauses(DynamoDbClient dynamoDb, String table, CapacityMeter meter) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.meter = meter;
    }

    @Override
    public List<UnitState> all() {
        var response = dynamoDb.getItem(b -> b.tableName(table).key(KEY).consistentRead(true)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        meter.read(response.consumedCapacity());
        return statesOf(response.item());
    }

    @Override
    public boolean pause(UnitPause pause) {
        // The map must exist before an entry of it can be set; creating it is a no-op once it does.
        var created = dynamoDb.updateItem(b -> b.tableName(table).key(KEY)
                .updateExpression("SET #units = if_not_exists(#units, :empty)")
                .expressionAttributeNames(Map.of("#units", UNITS))
                .expressionAttributeValues(Map.of(":empty", AttributeValue.fromM(Map.of())))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
        meter.write(created.consumedCapacity());
        Map<String, AttributeValue> state = new HashMap<>();
        state.put(PAUSED, AttributeValue.fromBool(true));
        state.put(REASON, AttributeValue.fromS(pause.reason().wireName()));
        state.put(PAUSED_AT, AttributeValue.fromS(pause.pausedAt().toString()));
        state.put(FIGURES, AttributeValue.fromM(figures(pause.figures())));
        try {
            var response = dynamoDb.updateItem(b -> b.tableName(table).key(KEY)
                    .updateExpression("SET #units.#unit = :state")
                    .conditionExpression("attribute_not_exists(#units.#unit.#paused) OR #units.#unit.#paused = :false")
                    .expressionAttributeNames(Map.of("#units", UNITS, "#unit", pause.unit(), "#paused", PAUSED))
                    .expressionAttributeValues(Map.of(":state", AttributeValue.fromM(withResumedAt(state, pause.unit())),
                            ":false", AttributeValue.fromBool(false)))
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
            meter.write(response.consumedCapacity());
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** A new pause keeps the unit's last resumption: the report still tells when it last ran again. */
    private Map<String, AttributeValue> withResumedAt(Map<String, AttributeValue> state, String unit) {
        all().stream().filter(s -> s.unit().equals(unit)).findFirst().flatMap(UnitState::resumedAt)
                .ifPresent(at -> state.put(RESUMED_AT, AttributeValue.fromS(at.toString())));
        return state;
    }

    @Override
    public Optional<UnitPause> resume(String unit, Instant at) {
        try {
            var response = dynamoDb.updateItem(b -> b.tableName(table).key(KEY)
                    .updateExpression("SET #units.#unit = :state")
                    .conditionExpression("#units.#unit.#paused = :true")
                    .expressionAttributeNames(Map.of("#units", UNITS, "#unit", unit, "#paused", PAUSED))
                    .expressionAttributeValues(Map.of(":true", AttributeValue.fromBool(true),
                            ":state", AttributeValue.fromM(Map.of(PAUSED, AttributeValue.fromBool(false),
                                    RESUMED_AT, AttributeValue.fromS(at.toString())))))
                    .returnValues(ReturnValue.ALL_OLD)
                    .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));
            meter.write(response.consumedCapacity());
            return statesOf(response.attributes()).stream().filter(s -> s.unit().equals(unit)).findFirst()
                    .flatMap(UnitState::pause);
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    private static List<UnitState> statesOf(Map<String, AttributeValue> item) {
        List<UnitState> states = new ArrayList<>();
        if (item == null || !item.containsKey(UNITS)) return states;
        item.get(UNITS).m().forEach((unit, value) -> states.add(stateOf(unit, value.m())));
        return states;
    }

    private static UnitState stateOf(String unit, Map<String, AttributeValue> item) {
        boolean paused = item.containsKey(PAUSED) && Boolean.TRUE.equals(item.get(PAUSED).bool());
        Optional<UnitPause> pause = paused ? Optional.of(new UnitPause(unit, PauseReason.ofWireName(item.get(REASON).s()),
                Instant.parse(item.get(PAUSED_AT).s()), figuresOf(item.get(FIGURES).m()))) : Optional.empty();
        Optional<Instant> resumedAt = Optional.ofNullable(item.get(RESUMED_AT)).map(v -> Instant.parse(v.s()));
        return new UnitState(unit, pause, resumedAt);
    }

    private static Map<String, AttributeValue> figures(GuardrailFigures f) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("from", AttributeValue.fromS(f.from().toString()));
        m.put("to", AttributeValue.fromS(f.to().toString()));
        m.put("treated", number(f.treated()));
        m.put("holdout", number(f.holdout()));
        m.put("messages", number(f.messages()));
        m.put("unsubscribed", number(f.unsubscribed()));
        m.put("complained", number(f.complained()));
        decimal(m, "lift", f.lift());
        decimal(m, "liftLower", f.liftLower());
        decimal(m, "liftUpper", f.liftUpper());
        return m;
    }

    private static GuardrailFigures figuresOf(Map<String, AttributeValue> m) {
        return new GuardrailFigures(LocalDate.parse(m.get("from").s()), LocalDate.parse(m.get("to").s()),
                whole(m, "treated"), whole(m, "holdout"), decimal(m, "lift"), decimal(m, "liftLower"),
                decimal(m, "liftUpper"), whole(m, "messages"), whole(m, "unsubscribed"), whole(m, "complained"));
    }

    private static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    /** DynamoDB has no NaN: an undefined figure is left out. */
    private static void decimal(Map<String, AttributeValue> m, String name, double value) {
        if (Double.isFinite(value)) m.put(name, AttributeValue.fromN(Double.toString(value)));
    }

    private static long whole(Map<String, AttributeValue> m, String name) {
        return m.containsKey(name) ? Long.parseLong(m.get(name).n()) : 0;
    }

    private static double decimal(Map<String, AttributeValue> m, String name) {
        return m.containsKey(name) ? Double.parseDouble(m.get(name).n()) : Double.NaN;
    }
}
