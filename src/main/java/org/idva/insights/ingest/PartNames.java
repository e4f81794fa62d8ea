package org.idva.insights.ingest;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Which parts of a package fastexcel-reader 0.20 reads: the workbook and shared strings named by
 * the content types (the first overrides of each type, the workbook at {@code /xl/workbook.xml}
 * when none names it), and each sheet's part by its relationship id in the workbook's relationships
 * (a target not starting with {@code /} is taken from the workbook's folder). Only exact part names
 * are resolved; fastexcel-reader also tries names in another case, so a name not found exactly is
 * left to it ({@link #of} gives null, {@link #sheetPart} gives null).
 */
final class PartNames {
  static final String WORKBOOK =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
  static final String WORKBOOK_MACROS = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";
  static final String SHARED_STRINGS =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml";
  static final String STYLES =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

  private static final Pattern FOLDER_AND_FILE = Pattern.compile("^(.*/)([^/]+)$");

  private final String sharedStrings;
  private final Map<String, String> partsById;

  private PartNames(String sharedStrings, Map<String, String> partsById) {
    this.sharedStrings = sharedStrings;
    this.partsById = partsById;
  }

  /** The shared strings part's exact name, or null when the package declares none. */
  String sharedStrings() {
    return sharedStrings;
  }

  /** The exact name of the part a sheet's relationship id leads to, or null. */
  String sheetPart(PackageBytes parts, String relationshipId) {
    String name = partsById.get(relationshipId);
    if (name == null) {
      return null;
    }
    name = name.startsWith("/") ? name.substring(1) : name;
    return parts.part(name) != null ? name : null;
  }

  /**
   * The names as fastexcel-reader resolves them, or null when any of them is not found exactly (or
   * the content types or relationships cannot be read: fastexcel-reader then says so itself).
   */
  static PartNames of(PackageBytes parts) {
    try {
      String workbook = null;
      String sst = null;
      String styles = null;
      try (InputStream in = parts.open("[Content_Types].xml")) {
        if (in == null) {
          return null;
        }
        XMLStreamReader r = StaxFactory.FACTORY.createXMLStreamReader(in);
        while (r.hasNext()) {
          if (r.next() != XMLStreamReader.START_ELEMENT || !"Override".equals(r.getLocalName())) {
            continue;
          }
          String type = r.getAttributeValue(null, "ContentType");
          String name = r.getAttributeValue(null, "PartName");
          if (type == null || name == null) {
            return null;
          }
          if (WORKBOOK.equals(type) || WORKBOOK_MACROS.equals(type)) {
            workbook = name;
          } else if (SHARED_STRINGS.equals(type)) {
            sst = name;
          } else if (STYLES.equals(type)) {
            styles = name;
          }
          if (workbook != null && sst != null && styles != null) {
            break;
          }
        }
      }
      if (workbook == null) {
        workbook = "/xl/workbook.xml";
      }
      if (sst != null && parts.part(strip(sst)) == null) {
        return null;
      }
      Matcher m = FOLDER_AND_FILE.matcher(workbook);
      if (!m.matches()) {
        return null;
      }
      String rels = m.replaceFirst("$1_rels/$2.rels");
      int rel = rels.indexOf("_rel");
      String folder = rels.substring(0, rel);
      Map<String, String> byId = new HashMap<>();
      try (InputStream in = parts.open(strip(rels))) {
        if (in == null) {
          return null;
        }
        XMLStreamReader r = StaxFactory.FACTORY.createXMLStreamReader(in);
        while (r.hasNext()) {
          if (r.next() != XMLStreamReader.START_ELEMENT
              || !"Relationship".equals(r.getLocalName())) {
            continue;
          }
          String id = r.getAttributeValue(null, "Id");
          String target = r.getAttributeValue(null, "Target");
          if (target == null) {
            return null;
          }
          byId.put(id, target.startsWith("/") ? target : folder + target);
        }
      }
      return new PartNames(sst == null ? null : strip(sst), byId);
    } catch (XMLStreamException | java.io.IOException | RuntimeException e) {
      return null;
    }
  }

  private static String strip(String name) {
    return name.startsWith("/") ? name.substring(1) : name;
  }

  /** The StAX factory set up as fastexcel-reader sets up its own (Aalto, no DTDs). */
  static final class StaxFactory {
    static final XMLInputFactory FACTORY = create();

    private StaxFactory() {}

    private static XMLInputFactory create() {
      XMLInputFactory f = new com.fasterxml.aalto.stax.InputFactoryImpl();
      f.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
      f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
      return f;
    }
  }
}
