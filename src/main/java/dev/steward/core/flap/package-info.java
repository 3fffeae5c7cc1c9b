/**
 * Flap detection as in Icinga 2: each result of a check says whether its state changed since the previous one; the
 * last 20 such answers give a weighted state-change percentage (recent changes weigh more), and a check starts
 * flapping above a high threshold and stops below a low one. {@link dev.steward.core.flap.FlapPolicy} is pure: it
 * takes the previous {@link dev.steward.core.flap.FlapState} and one result, and returns the next state and, on a
 * transition, a {@link dev.steward.core.flap.FlapEvent}. What a flapping check means for notifications is the
 * daemon's business (see {@link dev.steward.core.flap.FlapPolicy}).
 */
package dev.steward.core.flap;
