package dev.steward.core.deploy;

/** One row of the transition table: in {@code from}, {@code trigger} leads to {@code to}, {@code when} says when. */
public record Transition(StateKind from, Trigger trigger, StateKind to, String when) {}
