package dev.steward.core.deploy;

import java.util.List;

/**
 * What a gate concluded, with its reason and the measurements behind it. A query error is not a failure: it says
 * nothing about the new version. Too few samples is its own outcome too.
 */
public sealed interface GateVerdict {
    String reason();

    record Passed(String reason, List<Measurement> measurements) implements GateVerdict {
        public Passed {
            measurements = List.copyOf(measurements);
        }
    }

    record Failed(String reason, List<Measurement> measurements) implements GateVerdict {
        public Failed {
            measurements = List.copyOf(measurements);
        }
    }

    record Inconclusive(String reason, List<Measurement> measurements) implements GateVerdict {
        public Inconclusive {
            measurements = List.copyOf(measurements);
        }
    }

    record InsufficientData(int samples, int needed, String reason) implements GateVerdict {}

    record QueryError(String reason) implements GateVerdict {}

    static List<Measurement> measurements(GateVerdict verdict) {
        return switch (verdict) {
            case Passed p -> p.measurements();
            case Failed f -> f.measurements();
            case Inconclusive i -> i.measurements();
            case InsufficientData d -> List.of();
            case QueryError e -> List.of();
        };
    }
}
