package org.idva.insights.schema;

/**
 * One answer of a code list: the stable {@code code} the store keeps and the {@code label} the
 * service picks and the report prints.
 */
public record Code(String code, String label) {}
