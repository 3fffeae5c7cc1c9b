/**
 * The {@code elasticsearch} probe: {@code GET <url>/_cluster/health} with the shared {@code HttpFetcher}, the cluster
 * document and its main numbers reported as facts. Works for OpenSearch too (same endpoint and document).
 */
package dev.steward.probe.elasticsearch;
