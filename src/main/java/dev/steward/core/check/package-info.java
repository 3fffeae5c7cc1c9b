/**
 * A check's verdict and state: {@link dev.steward.core.check.CheckJudge} turns what a probe observed into a {@link
 * dev.steward.core.check.ProbeResult}; {@link dev.steward.core.check.CheckStatePolicy} moves a check between UNKNOWN,
 * UP and DOWN with confirmation ({@code fail_after}, {@code recover_after}) and says when to probe next. Pure.
 */
package dev.steward.core.check;
