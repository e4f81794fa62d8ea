package org.idva.insights.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.idva.insights.model.Severity;
import org.junit.jupiter.api.Test;

/**
 * What follows a sheet's rows goes into the checked copy as the bytes it was written with only when
 * {@link PlainTail} finds nothing in it that the event copy would leave out or change, and then the
 * copy has the same elements, attributes and text as the event copy: on every worksheet of the
 * sample and test returns, and on seeded random tails, plain and not, with and without comments
 * (whose drawing the copy adds after the tail).
 */
class PlainTailTest {
  private static final String HEAD =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<worksheet xmlns=\""
          + PackageXml.MAIN_NS
          + "\" xmlns:r=\""
          + PackageXml.REL_NS
          + "\" xmlns:x14=\"http://schemas.microsoft.com/office/spreadsheetml/2009/9/main\">"
          + "<dimension ref=\"A1:C3\"/><sheetViews><sheetView workbookViewId=\"0\"/></sheetViews>"
          + "<sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Case ref</t></is></c></row>"
          + "<row r=\"2\"><c r=\"A2\" s=\"1\"><v>3</v></c><c r=\"B2\"><v>4</v></c></row></sheetData>";

  @Test
  void theTailsOfTheSampleAndTestReturnsAreCopiedAlike() throws Exception {
    int sheets = 0;
    int asTheyWere = 0;
    Random random = new Random(5);
    for (ReturnParts.Part part : ReturnParts.of("-Q3", ReturnParts::worksheet)) {
      sheets++;
      if (assertSameCopy(part.label(), part.bytes(), random.nextBoolean())) {
        asTheyWere++;
      }
    }
    assertThat(sheets).isGreaterThan(300);
    // the sample's tails (data validations, protection, filters) are plain: copied as they were
    assertThat(asTheyWere).isGreaterThan(sheets * 3 / 4);
  }

  @Test
  void seededRandomTailsAreCopiedAlikeAndOnlyPlainOnesAsTheyWere() throws Exception {
    int asTheyWere = 0;
    int notPlain = 0;
    for (long seed = 1; seed <= 600; seed++) {
      Random random = new Random(seed);
      StringBuilder tail = new StringBuilder();
      boolean plain = true;
      int parts = random.nextInt(7);
      for (int i = 0; i < parts; i++) {
        if (random.nextInt(4) == 0) {
          String[] odd = ODD[random.nextInt(ODD.length)];
          tail.append(odd[0]);
          plain &= odd[1].equals("plain");
        } else {
          tail.append(PLAIN[random.nextInt(PLAIN.length)]);
        }
        if (random.nextInt(3) == 0) {
          tail.append(random.nextBoolean() ? "\n  " : "\r\n");
        }
      }
      byte[] xml =
          (HEAD + tail + "</worksheet>" + (random.nextBoolean() ? "\n" : ""))
              .getBytes(StandardCharsets.UTF_8);
      boolean copiedAsItWas = assertSameCopy("seed " + seed, xml, random.nextBoolean());
      assertThat(copiedAsItWas).as("seed %d: %s", seed, tail).isEqualTo(plain);
      asTheyWere += copiedAsItWas ? 1 : 0;
      notPlain += plain ? 0 : 1;
    }
    assertThat(asTheyWere).isGreaterThan(100);
    assertThat(notPlain).isGreaterThan(100);
  }

  /**
   * A tail's verdict is remembered by its bytes: the same as reading it afresh, the first time and
   * again, for seeded random tails (many sharing their start); a tail one byte away from a known
   * one gets its own; and what is remembered stays within its bounds.
   */
  @Test
  void aTailReadBeforeIsKnownByItsBytesAndNothingElse() throws Exception {
    SheetHead head =
        SheetHead.read(
            new XmlBytes(
                new ByteArrayInputStream(
                    (HEAD + "</worksheet>").getBytes(StandardCharsets.UTF_8))));
    Set<String> dropped = CheckedSheet.DROPPED;
    int plain = 0;
    for (long seed = 1; seed <= 400; seed++) {
      Random random = new Random(seed);
      StringBuilder tail = new StringBuilder(PLAIN[0]);
      for (int i = random.nextInt(6); i > 0; i--) {
        tail.append(
            random.nextInt(5) == 0
                ? ODD[random.nextInt(ODD.length)][0]
                : PLAIN[random.nextInt(PLAIN.length)]);
      }
      byte[] t = (tail + "</worksheet>").getBytes(StandardCharsets.UTF_8);
      int fresh = PlainTail.read(head, t, dropped);
      assertThat(PlainTail.end(head, t.clone(), dropped)).as("seed %d", seed).isEqualTo(fresh);
      assertThat(PlainTail.end(head, t.clone(), dropped)).as("seed %d", seed).isEqualTo(fresh);
      plain += fresh >= 0 ? 1 : 0;
    }
    assertThat(plain).isBetween(50, 390);
    assertThat(PlainTail.known()[0]).isLessThanOrEqualTo(PlainTail.KNOWN_ENTRIES);

    byte[] known = "<sheetProtection sheet=\"1\"/></worksheet>".getBytes(StandardCharsets.UTF_8);
    byte[] twin = "<sheetProtection sheet=\"1\"!></worksheet>".getBytes(StandardCharsets.UTF_8);
    assertThat(PlainTail.end(head, known, dropped)).isPositive();
    assertThat(PlainTail.end(head, twin, dropped)).isEqualTo(-1);
    assertThat(PlainTail.end(head, known.clone(), dropped)).isPositive();

    // large tails: the bytes remembered stay within the bound
    StringBuilder big = new StringBuilder("<mergeCells>");
    while (big.length() < 3 << 20) {
      big.append("<mergeCell ref=\"A1:B1\"/>");
    }
    for (int i = 0; i < 5; i++) {
      byte[] t =
          (big + "</mergeCells><pageMargins left=\"" + i + "\"/></worksheet>")
              .getBytes(StandardCharsets.UTF_8);
      assertThat(PlainTail.end(head, t, dropped)).isEqualTo(PlainTail.read(head, t, dropped));
      assertThat(PlainTail.known()[1]).isLessThanOrEqualTo(PlainTail.KNOWN_BYTES);
    }
  }

  @Test
  void aTailLongerThanIsHeldGoesByEventsAndIsCopiedAlike() throws Exception {
    StringBuilder tail = new StringBuilder("<mergeCells count=\"200000\">");
    for (int i = 1; tail.length() <= PlainTail.MAX_BYTES; i++) {
      tail.append("<mergeCell ref=\"A").append(i).append(":B").append(i).append("\"/>");
    }
    tail.append("</mergeCells><pageMargins left=\"0.7\" right=\"0.7\"/>");
    byte[] xml = (HEAD + tail + "</worksheet>").getBytes(StandardCharsets.UTF_8);
    assertThat(assertSameCopy("a long tail", xml, true)).isFalse();
  }

  @Test
  void aTailThatIsNotWellFormedFailsTheCopyAsTheEventCopyDoes() throws Exception {
    for (String bad :
        List.of(
            "<pageMargins left=\"0.7\"></worksheet>",
            "<pageMargins left=\"0.7\"/><x>&bogus;</x></worksheet>",
            "<pageMargins left=\"0.7\" left=\"0.8\"/></worksheet>",
            "<pageMargins left=\"0.7\"/>\u0001</worksheet>",
            "<pageMargins left=\"0.7\"/></worksheet><more/>")) {
      byte[] xml = (HEAD + bad).getBytes(StandardCharsets.UTF_8);
      Throwable copy =
          catchThrowable(() -> sheet(false).copy(new ByteArrayInputStream(xml), sink()));
      Throwable events =
          catchThrowable(() -> sheet(false).copyByEvents(new ByteArrayInputStream(xml), sink()));
      assertThat(copy).as(bad).isNotNull();
      assertThat(events).as(bad).isNotNull();
      assertThat(copy.getClass()).as(bad).isEqualTo(events.getClass());
      // the same problem (where it is counted from differs: the byte copy parses the tail alone)
      assertThat(problem(copy)).as(bad).isEqualTo(problem(events));
    }
  }

  /** Elements and text the copy keeps as they are. */
  private static final String[] PLAIN = {
    "<sheetProtection sheet=\"true\" formatColumns=\"false\" sort=\"false\"/>",
    "<autoFilter ref=\"A1:HD1\"/>",
    "<mergeCells count=\"1\"><mergeCell ref=\"A1:B1\"/></mergeCells>",
    "<conditionalFormatting sqref=\"A2:A9\"><cfRule type=\"expression\" dxfId=\"0\" priority=\"1\">"
        + "<formula>AND(A2&lt;&gt;\"\",A2&gt;3)</formula></cfRule></conditionalFormatting>",
    "<dataValidations count=\"2\"><dataValidation type=\"list\" sqref=\"C2:C1048576\""
        + " allowBlank=\"true\" promptTitle=\"Referral\" prompt=\"The service's own — réf &amp;"
        + " &quot;source&quot;\" error='Pick one &apos;of&apos; the list'>"
        + "<formula1>list_agency</formula1></dataValidation><dataValidation type=\"date\""
        + " sqref=\"D2:D9\" prompt=\"line one&#10;line two&#9;tab\"><formula1>DATE(2000,1,1)"
        + "</formula1><formula2>DATE(2100,1,1)</formula2></dataValidation></dataValidations>",
    "<printOptions gridLines=\"true\"/>",
    "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\""
        + " footer=\"0.3\"/>",
    "<pageSetup paperSize=\"9\" orientation=\"landscape\"/>",
    "<headerFooter><oddHeader>&amp;L&amp;\"Arial,Bold\"Idva &lt;return&gt;</oddHeader>"
        + "</headerFooter>",
    "<rowBreaks count=\"1\" manualBreakCount=\"1\"><brk id=\"20\" max=\"16383\" man=\"1\"/>"
        + "</rowBreaks>",
    "<ignoredErrors><ignoredError sqref=\"A1:Z99\" numberStoredAsText=\"1\"/></ignoredErrors>",
  };

  /** Elements and text the copy leaves out or changes, and one it keeps ("plain"). */
  private static final String[][] ODD = {
    {"<hyperlinks><hyperlink ref=\"A1\" r:id=\"rId1\"/></hyperlinks>", "not"},
    {"<pageSetup orientation=\"landscape\" r:id=\"rId2\"/>", "not"},
    {"<drawing r:id=\"rId3\"/>", "not"},
    {"<legacyDrawing r:id=\"rId4\"/>", "not"},
    {"<tableParts count=\"0\"/>", "not"},
    {"<extLst><ext uri=\"{CCE6A557}\"><x14:dataValidations count=\"0\"/></ext></extLst>", "not"},
    {"<!-- a comment -->", "not"},
    {"<?pi data?>", "not"},
    {"<headerFooter><oddFooter><![CDATA[&P of &N]]></oddFooter></headerFooter>", "not"},
    {"<printOptions xmlns:y=\"urn:y\" y:odd=\"1\"/>", "not"},
    {"<sheetViews><sheetView tabSelected=\"1\" workbookViewId=\"0\"/></sheetViews>", "not"},
    {"<x14:sparklineGroups/>", "not"},
    {"<customSheetViews><customSheetView guid=\"{1}\"/></customSheetViews>", "plain"},
  };

  /** Whether the copy took the tail as it was; fails when any copy differs from the others. */
  private static boolean assertSameCopy(String what, byte[] xml, boolean comments)
      throws Exception {
    CheckedSheet asItIs = sheet(comments);
    ByteArrayOutputStream a = new ByteArrayOutputStream();
    asItIs.copy(new ByteArrayInputStream(xml), a);
    CheckedSheet byEvents = sheet(comments).plainTailAsItIs(false);
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    byEvents.copy(new ByteArrayInputStream(xml), b);
    assertThat(byEvents.tailAsItWas()).isFalse();
    ByteArrayOutputStream c = new ByteArrayOutputStream();
    sheet(comments).copyByEvents(new ByteArrayInputStream(xml), c);
    List<String> events = SheetDataBytesTest.events(b.toByteArray());
    assertThat(SheetDataBytesTest.events(a.toByteArray())).as(what).isEqualTo(events);
    assertThat(SheetDataBytesTest.events(c.toByteArray())).as(what).isEqualTo(events);
    if (comments) {
      assertThat(events).as(what).anyMatch(e -> e.contains("}legacyDrawing"));
    }
    return asItIs.tailAsItWas();
  }

  private static CheckedSheet sheet(boolean withComment) throws java.io.IOException {
    Map<Severity, Short> colours = new EnumMap<>(Severity.class);
    colours.put(Severity.ERROR, (short) 10);
    colours.put(Severity.QUERY, (short) 13);
    colours.put(Severity.NOTICE, (short) 42);
    CheckedStyles styles = new CheckedStyles(null, IssuesSheetWriter.STYLES, colours);
    NavigableMap<Long, CheckedSheet.Mark> marks = new TreeMap<>();
    if (withComment) {
      marks.put(CheckedSheet.key(1, 1), new CheckedSheet.Mark(Severity.QUERY, "a finding"));
    }
    return new CheckedSheet(marks, Map.of(), Set.of(), styles);
  }

  private static String problem(Throwable t) {
    String m = String.valueOf(t.getMessage());
    int at = m.indexOf("\n at [");
    return at < 0 ? m : m.substring(0, at);
  }

  private static java.io.OutputStream sink() {
    return java.io.OutputStream.nullOutputStream();
  }
}
