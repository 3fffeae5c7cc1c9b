/**
 * The HTTP probe and the HTTP client machinery it shares with the health and Elasticsearch probes: {@link
 * dev.steward.probe.http.HttpFetcher} (one {@code java.net.http.HttpClient} per TLS configuration, HTTP/1.1 with
 * keep-alive, manual redirects, capped bodies, a hard deadline per request) and {@link
 * dev.steward.probe.http.HttpProber}. Parsing of health or cluster documents does not live here.
 */
package dev.steward.probe.http;
