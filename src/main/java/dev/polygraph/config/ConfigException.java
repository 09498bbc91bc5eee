package dev.polygraph.config;

/** A config file that cannot be used; the message says where and why ("file:3:5: ..."). */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }
}
