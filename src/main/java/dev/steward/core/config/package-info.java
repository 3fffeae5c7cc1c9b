/**
 * The validated, immutable model of a stack file: stack, services, checks and their probe specifications. Built by the
 * stack-file loader ({@code dev.steward.stackfile}); nothing here reads files or the environment.
 */
package dev.steward.core.config;
