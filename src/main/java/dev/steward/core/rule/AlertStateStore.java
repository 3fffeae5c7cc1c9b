package dev.steward.core.rule;

import dev.steward.core.series.Labels;
import dev.steward.core.series.Sample;
import java.util.Map;

/**
 * Keeps the latest {@code ALERTS_FOR_STATE} sample of each active alert across restarts (the in-memory series store
 * does not survive one). Keys are the alert's labels without {@code __name__}.
 */
public interface AlertStateStore {

    /** Replaces everything saved with {@code latest}. */
    void replaceAll(Map<Labels, Sample> latest);

    Map<Labels, Sample> load();
}
