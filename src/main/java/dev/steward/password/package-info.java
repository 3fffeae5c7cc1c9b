/**
 * Password hashing behind the core's {@link dev.steward.core.access.PasswordHasher} port: Argon2id through Spring
 * Security's encoder over BouncyCastle, and bcrypt hashes accepted for checking (so {@code htpasswd -B} output can go
 * into the stack file). Nothing else about users or tokens lives here.
 */
package dev.steward.password;
