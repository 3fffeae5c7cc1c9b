/**
 * Who is paged: people and their contact methods, on-call schedules (rotations, layers, overrides), escalation
 * policies (levels with delays and targets, repeated) and severities with their response expectations. Pure: answers
 * "who is on call at this instant" and "who is paged at this level" from the configuration and an instant.
 */
package dev.steward.core.oncall;
