/**
 * Scraping of services' own metrics endpoints (Prometheus text format and OpenMetrics) into the series store, with
 * Prometheus's {@code up}, {@code scrape_duration_seconds} and {@code scrape_samples_scraped} per target. An adapter:
 * it does HTTP; parsing is the core's {@code dev.steward.core.exposition}.
 */
package dev.steward.scrape;
