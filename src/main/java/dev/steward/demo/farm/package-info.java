/**
 * A target farm for the probe-engine benchmark: a cheap loopback HTTP server, runnable as its own process, that
 * answers {@code GET /t/{n}} at once and holds {@code GET /hang/{n}} unanswered, so a benchmark can aim thousands of
 * checks at fast and at hanging targets. Benchmark scaffolding only; nothing in the daemon uses it.
 */
package dev.steward.demo.farm;
