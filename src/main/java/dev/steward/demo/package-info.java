/**
 * The demo stack that {@code steward demo} runs: three small loopback-only HTTP services shaped like a product stack
 * (an API with Spring and ASP.NET Core style health endpoints and Prometheus metrics, an Elasticsearch-shaped search
 * node, a frontend page), the fault controller and its HTTP API that let a user break them on purpose, and the
 * generator of the stack file that points Steward at them. This is an adapter (it opens sockets and reads the clock);
 * it holds no Steward logic: checks, states and alerts are the daemon's job, not the demo's.
 */
package dev.steward.demo;
