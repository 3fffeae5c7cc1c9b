/**
 * The {@code nginx} and {@code haproxy} providers: traffic weights between a stable and a canary pool of servers for
 * platforms without a mesh, written as an nginx {@code upstream} block or an HAProxy {@code backend} section
 * (atomically: temporary file, then move), checked and reloaded by configurable commands, and put back when either
 * fails. Starting the new version on the servers is left to command templates, as in the {@code command} provider.
 */
package dev.steward.actuate.proxy;
