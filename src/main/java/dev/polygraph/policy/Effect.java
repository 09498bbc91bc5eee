package dev.polygraph.policy;

public enum Effect {
  ALLOW,
  DENY
}
