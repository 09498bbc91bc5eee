package dev.polygraph.source;

/**
 * Why (part of) an input file could not be read, at the position the parser reported. Loaders
 * return these instead of throwing; rule POLY001 reports them.
 *
 * @param message a sentence ending with a period, e.g. "Mapping values are not allowed here."
 */
public record InputProblem(Span span, String message) {}
