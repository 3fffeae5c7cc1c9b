package dev.steward.core.rule.template;

import java.util.List;
import java.util.Map;

/**
 * What the {@code query} template function asks: an instant query at the evaluation's time. The rule evaluator adapts
 * its query port to it; {@link #NONE} answers every query with an error (templates rendered outside an evaluation).
 */
@FunctionalInterface
public interface TemplateQuery {
    TemplateQuery NONE = expr -> new Result.Failed("no query is available here");

    Result query(String expr);

    /** One element of a query result, as templates see it: {@code .Labels} and {@code .Value}. */
    record Sample(Map<String, String> labels, double value) {
        public Sample {
            labels = Map.copyOf(labels);
        }
    }

    sealed interface Result {
        record Samples(List<Sample> samples) implements Result {
            public Samples {
                samples = List.copyOf(samples);
            }
        }

        record Failed(String message) implements Result {}
    }
}
