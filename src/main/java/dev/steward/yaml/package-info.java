/**
 * Strict reading of a YAML document with positions, shared by the loaders that compose YAML with SnakeYAML Engine
 * (Alertmanager configurations, rule unit-test files): unknown and duplicate keys and wrong types become errors with
 * file, line and column. Nothing here decides what a document means; each loader does.
 */
package dev.steward.yaml;
