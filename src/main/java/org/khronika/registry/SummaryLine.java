package org.khronika.registry;

/**
 * A line of what a record page leads with (a case's status, custody, next hearing).
 *
 * @param label the message code of its label
 * @param value its value, in the page's words
 */
public record SummaryLine(String label, String value) {
}
