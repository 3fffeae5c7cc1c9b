package dev.steward.store.jdbc;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.steward.core.incident.HoldCause;
import dev.steward.core.incident.Incident;
import dev.steward.core.incident.IncidentState;
import dev.steward.core.oncall.Target;
import dev.steward.core.series.Labels;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * An incident as the JSON of the {@code incident.body_json} column, timeline left out (it has rows of its own). The
 * core's records are mapped as they are; the sealed types carry a {@code type} name through mix-ins, so the core stays
 * free of storage annotations. Names, once stored, are a format: renaming a state or cause needs a migration.
 */
final class IncidentJson {
    private static final JsonMapper JSON = JsonMapper.builder()
            .addMixIn(Incident.class, RecordComponentsOnly.class)
            .addMixIn(IncidentState.class, StateTypes.class)
            .addMixIn(HoldCause.class, CauseTypes.class)
            .addMixIn(Target.class, TargetTypes.class)
            .addModule(new SimpleModule("steward-labels")
                    .addSerializer(Labels.class, new LabelsSerializer())
                    .addDeserializer(Labels.class, new LabelsDeserializer()))
            .build();

    private IncidentJson() {}

    static String write(Incident incident) {
        return JSON.writeValueAsString(incident.withTimeline(List.of()));
    }

    static Incident read(String json) {
        return JSON.readValue(json, Incident.class);
    }

    /** Leaves out derived accessors such as {@code isOpen()}: only the record's components are the stored state. */
    @JsonIgnoreProperties({"open"})
    private interface RecordComponentsOnly {}

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = IncidentState.Held.class, name = "held"),
        @JsonSubTypes.Type(value = IncidentState.Triggered.class, name = "triggered"),
        @JsonSubTypes.Type(value = IncidentState.Acknowledged.class, name = "acknowledged"),
        @JsonSubTypes.Type(value = IncidentState.Snoozed.class, name = "snoozed"),
        @JsonSubTypes.Type(value = IncidentState.Resolved.class, name = "resolved")
    })
    private interface StateTypes {}

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = HoldCause.DependencyDown.class, name = "dependency_down"),
        @JsonSubTypes.Type(value = HoldCause.Maintenance.class, name = "maintenance")
    })
    private interface CauseTypes {}

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = Target.Person.class, name = "person"),
        @JsonSubTypes.Type(value = Target.Schedule.class, name = "schedule"),
        @JsonSubTypes.Type(value = Target.Receiver.class, name = "receiver")
    })
    private interface TargetTypes {}

    /** Labels as a JSON object in label order. */
    private static final class LabelsSerializer extends ValueSerializer<Labels> {
        @Override
        public void serialize(Labels value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeStartObject();
            value.forEach(gen::writeStringProperty);
            gen.writeEndObject();
        }
    }

    private static final class LabelsDeserializer extends ValueDeserializer<Labels> {
        @Override
        public Labels deserialize(JsonParser p, DeserializationContext ctxt) {
            JsonNode node = ctxt.readTree(p);
            Map<String, String> map = new TreeMap<>();
            node.properties().forEach(e -> map.put(e.getKey(), e.getValue().asString()));
            return Labels.fromMap(map);
        }
    }
}
