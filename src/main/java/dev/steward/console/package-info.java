/**
 * The operator console: server-rendered pages (precompiled JTE templates under {@code src/main/jte/console}) with htmx
 * for actions and server-sent events for live updates, and uPlot for charts; all assets come from WebJars or
 * {@code /assets}, nothing is fetched from outside. Pages read the daemon through {@link
 * dev.steward.console.ConsoleBackend} and act through the same backends as the JSON API, so a change made here is
 * checked, audited and stored exactly as one made through the API. View models are plain records built by pure
 * functions; access (login, roles, CSRF) is {@link dev.steward.api.AccessControl}'s.
 */
package dev.steward.console;
