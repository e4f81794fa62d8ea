package org.idva.insights.model;

import java.time.Instant;

/**
 * A return as received: whose it is, for which quarter, and which exact file.
 *
 * @param fileName the file's name (no folder), as the service sent it
 * @param service the service code (from the About sheet, checked against the file name)
 * @param quarter the reporting quarter, or null when it could not be read
 * @param sha256 the file's SHA-256 in hex: the same bytes dropped twice are the same return
 * @param received when the file arrived (its modification time, or the e-mail's date)
 */
public record ReturnInfo(
    String fileName, String service, ReportingQuarter quarter, String sha256, Instant received) {}
