package dev.steward.core.silence;

/** Where a silence stands at an instant; derived from its timestamps, never stored. */
public enum SilenceState {
    PENDING("pending"),
    ACTIVE("active"),
    EXPIRED("expired");

    private final String apiName;

    SilenceState(String apiName) {
        this.apiName = apiName;
    }

    /** The spelling in Alertmanager's API: {@code pending}, {@code active}, {@code expired}. */
    public String apiName() {
        return apiName;
    }

    /** Order of a listing in Alertmanager's API: active first, then pending, then expired. */
    int listingRank() {
        return switch (this) {
            case ACTIVE -> 0;
            case PENDING -> 1;
            case EXPIRED -> 2;
        };
    }
}
