package dev.steward.api;

import dev.steward.core.maintenance.MaintenanceCalendar;
import dev.steward.core.maintenance.MaintenanceWindow;
import dev.steward.core.maintenance.WindowError;
import java.time.Instant;
import java.util.List;

/** What {@link MaintenanceApi} needs of the daemon: the calendar, and creating and ending windows durably. */
public interface MaintenanceBackend {
    Instant now();

    /** Every window, from the stack file and from the API. */
    MaintenanceCalendar calendar();

    /**
     * Validates {@code candidate} (whose id and creation time the backend replaces) and stores it before answering.
     */
    Created create(MaintenanceWindow candidate);

    /** Ends a window now: its open occurrence closes and no later one opens. Stored before answering. */
    Ended end(String id);

    sealed interface Created {
        record Accepted(MaintenanceWindow window) implements Created {}

        record Invalid(List<WindowError> errors) implements Created {}
    }

    sealed interface Ended {
        record Done(MaintenanceWindow window) implements Ended {}

        record NotFound(String id) implements Ended {}

        /** Declared in the stack file: change the file and reload instead. */
        record ReadOnly(MaintenanceWindow window) implements Ended {}

        /** Already ended, or its last occurrence is over. */
        record AlreadyOver(MaintenanceWindow window) implements Ended {}
    }
}
