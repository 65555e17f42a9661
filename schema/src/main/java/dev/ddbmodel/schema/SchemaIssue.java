package dev.ddbmodel.schema;

import dev.ddbmodel.core.Diagnostic;

/**
 * One finding with the reference tool's dotted path ({@code tables[0].entities.User.fields[1].type})
 * next to the diagnostic (whose location holds the JSON Pointer, line and column).
 */
public record SchemaIssue(String path, Diagnostic diagnostic) {}
