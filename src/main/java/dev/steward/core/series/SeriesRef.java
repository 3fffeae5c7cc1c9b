package dev.steward.core.series;

/**
 * A handle on one series of a {@link SeriesStore}, from {@link SeriesStore#getOrCreate(Labels)}: appending through
 * it skips hashing and comparing the labels. A handle stays usable for the life of the store, even after retention
 * removed its series (the next append re-creates the series). Use a handle only with the store that made it.
 */
public interface SeriesRef {
    Labels labels();
}
