/**
 * Who may do what on Steward's HTTP API, decided without IO: {@link dev.steward.core.access.Role roles} (viewer,
 * operator, admin), the {@link dev.steward.core.access.AccessPolicy} that maps a method and a route template to the
 * role it needs (reads need a viewer, changes an operator, user and token management an admin, with an explicit table
 * of anonymous exceptions), API tokens ({@link dev.steward.core.access.ApiToken}, stored as a SHA-256 hash, their
 * random parts supplied by the caller), users, the login throttle, and the {@link dev.steward.core.access.AccessStore}
 * and {@link dev.steward.core.access.PasswordHasher} ports. HTTP, storage and the slow password hash live in adapters.
 */
package dev.steward.core.access;
