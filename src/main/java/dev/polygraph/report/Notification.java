package dev.polygraph.report;

import dev.polygraph.finding.Level;
import dev.polygraph.source.Span;

/**
 * Something about the run rather than about the inputs' content: a file skipped (binary, too
 * large, not an input), a rule that crashed. Goes to SARIF's {@code invocations[0]} notifications.
 *
 * @param span the file concerned, or null
 */
public record Notification(Level level, String message, Span span) {}
