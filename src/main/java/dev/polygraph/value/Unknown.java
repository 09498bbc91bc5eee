package dev.polygraph.value;

import dev.polygraph.source.Span;

/** A value the analysis cannot know, and why ("parameter 'RoleArn' has no default"). */
public record Unknown(String reason, Span span) implements Value {}
