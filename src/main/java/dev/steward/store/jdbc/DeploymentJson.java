package dev.steward.store.jdbc;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.steward.core.deploy.Deployment;
import dev.steward.core.deploy.DeploymentState;
import dev.steward.core.deploy.Measurement;
import dev.steward.core.deploy.Pause;
import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A deployment as the JSON of {@code deployment.body_json} (plan and state, timeline left out: it has rows of its
 * own), and measurements as the JSON of a timeline row. Sealed types carry a {@code type} name through mix-ins, so the
 * core stays free of storage annotations. Names, once stored, are a format: renaming a state needs a migration.
 */
final class DeploymentJson {
    private static final JsonMapper JSON = JsonMapper.builder()
            .addMixIn(Deployment.class, RecordComponentsOnly.class)
            .addMixIn(DeploymentState.class, StateTypes.class)
            .addMixIn(Pause.class, PauseTypes.class)
            .build();
    private static final TypeReference<List<Measurement>> MEASUREMENTS = new TypeReference<>() {};

    private DeploymentJson() {}

    static String write(Deployment deployment) {
        return JSON.writeValueAsString(deployment.withTimeline(List.of()));
    }

    static Deployment read(String json) {
        return JSON.readValue(json, Deployment.class);
    }

    static String writeMeasurements(List<Measurement> measurements) {
        return JSON.writeValueAsString(measurements);
    }

    static List<Measurement> readMeasurements(String json) {
        return JSON.readValue(json, MEASUREMENTS);
    }

    /** Leaves out derived accessors: only the record's components are the stored state. */
    @JsonIgnoreProperties({"kind"})
    private interface RecordComponentsOnly {}

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = DeploymentState.Scheduled.class, name = "scheduled"),
        @JsonSubTypes.Type(value = DeploymentState.Checking.class, name = "checking"),
        @JsonSubTypes.Type(value = DeploymentState.Progressing.class, name = "progressing"),
        @JsonSubTypes.Type(value = DeploymentState.Analysing.class, name = "analysing"),
        @JsonSubTypes.Type(value = DeploymentState.Paused.class, name = "paused"),
        @JsonSubTypes.Type(value = DeploymentState.Validating.class, name = "validating"),
        @JsonSubTypes.Type(value = DeploymentState.Succeeded.class, name = "succeeded"),
        @JsonSubTypes.Type(value = DeploymentState.RollingBack.class, name = "rolling_back"),
        @JsonSubTypes.Type(value = DeploymentState.RolledBack.class, name = "rolled_back"),
        @JsonSubTypes.Type(value = DeploymentState.Frozen.class, name = "frozen"),
        @JsonSubTypes.Type(value = DeploymentState.Aborted.class, name = "aborted"),
        @JsonSubTypes.Type(value = DeploymentState.Failed.class, name = "failed")
    })
    private interface StateTypes {}

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = Pause.For.class, name = "for"),
        @JsonSubTypes.Type(value = Pause.UntilPromoted.class, name = "until_promoted")
    })
    private interface PauseTypes {}
}
