/**
 * The {@code tcp} probe: connect (optionally with TLS), optionally send a string and wait for an expected substring in
 * the reply. Plain {@code java.net.Socket} on the probe's virtual thread; no protocol knowledge beyond bytes.
 */
package dev.steward.probe.tcp;
