package org.idva.insights.model;

/** Why a file could not be opened as a return workbook at all. */
public enum ReadProblem {
  /** Not a spreadsheet (an image, a PDF, a Word file...). */
  NOT_A_WORKBOOK,
  /** A text file (CSV) renamed .xlsx. */
  CSV_RENAMED,
  /** An OpenDocument spreadsheet (.ods) renamed .xlsx. */
  ODS_RENAMED,
  /** A workbook file that is damaged or cut short. */
  CORRUPT,
  /** A workbook protected with a password to open (an encrypted container). */
  PASSWORD_PROTECTED,
  /** A zip whose parts expand far beyond any real return (a zip bomb). */
  TOO_LARGE,
  /** An XML part declaring a DOCTYPE or entities (an XML external entity payload). */
  XML_ENTITIES,
  /** A workbook saved as Strict Open XML Spreadsheet (ISO 29500 strict), not Excel Workbook. */
  STRICT_OPEN_XML,
  /** An empty file. */
  EMPTY_FILE
}
