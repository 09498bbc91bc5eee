package dev.polygraph.rules;

import dev.polygraph.value.Text;

/** One permission a role must have: an action on a resource that stands for what the caller touches. */
record Requirement(String action, Text resource) {}
