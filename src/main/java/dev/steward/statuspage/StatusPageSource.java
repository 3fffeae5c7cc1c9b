package dev.steward.statuspage;

import dev.steward.core.config.CheckId;
import dev.steward.core.config.StackConfig;
import dev.steward.core.maintenance.MaintenanceCalendar;
import dev.steward.core.rollup.Resolution;
import dev.steward.core.rollup.Rollup;
import dev.steward.core.statuspage.ComponentStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the page needs of the daemon: the configuration, live component statuses, rollups and maintenance. */
public interface StatusPageSource {
    Instant now();

    StackConfig config();

    /** Each component's status now (see {@code ComponentPolicy}), in page order. */
    Map<String, ComponentStatus> components();

    List<Rollup> rollups(CheckId check, Resolution resolution, Instant from, Instant to);

    MaintenanceCalendar maintenance();
}
