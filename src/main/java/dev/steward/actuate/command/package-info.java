/**
 * The {@code command} provider: one shell command template per deployment action, run with {@code /bin/sh -c} with
 * every substituted value shell-quoted, bounded by a timeout that kills the command's process tree, keeping the last
 * 64 KiB of output. It drives docker compose, systemd units, Ansible playbooks or any script; the shell runner here is
 * also what the proxy providers use for their reload commands.
 */
package dev.steward.actuate.command;
