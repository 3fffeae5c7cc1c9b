package dev.steward.core.silence;

import java.time.Instant;
import java.util.List;

/**
 * A silence as a client posts it (Alertmanager's {@code PostableSilence}). {@code id} is null to create a silence and
 * set to update one; {@code startsAt} null means now. Nothing is checked here: {@link SilenceValidator} reports every
 * problem at once.
 */
public record SilenceRequest(
        String id, List<SilenceMatcher> matchers, Instant startsAt, Instant endsAt, String createdBy, String comment) {
    public SilenceRequest {
        matchers = matchers == null ? List.of() : List.copyOf(matchers);
    }

    public boolean isUpdate() {
        return id != null && !id.isEmpty();
    }
}
