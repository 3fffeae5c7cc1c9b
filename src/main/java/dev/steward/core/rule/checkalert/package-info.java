/**
 * The alert Steward defines for every check ({@code StewardCheckDown} on {@code steward_check_up == 0}), built from the
 * checks' configuration as ordinary alerting rules of {@code dev.steward.core.rule}. Separate from that package so
 * that the rule model does not depend on the stack's configuration (which holds inline rule groups).
 */
package dev.steward.core.rule.checkalert;
