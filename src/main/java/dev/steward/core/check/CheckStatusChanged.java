package dev.steward.core.check;

import dev.steward.core.config.CheckId;
import java.time.Instant;

/** A check's confirmed status changed; {@code reason} says why (the failure, or the recovery). */
public record CheckStatusChanged(CheckId check, Instant at, CheckStatus from, CheckStatus to, String reason) {}
