package org.idva.insights.mail;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The files attached to a message, in the order they appear: their names decoded (RFC 2047 encoded
 * words, RFC 2231 parameters), any folder a mail client put before the name dropped. Inline images
 * (a signature's logo) are not attachments; a forwarded message is one, by its subject.
 */
final class AttachmentExtractor {
  /** One attached file. */
  record Attachment(String name, Part part) {
    /** True for a name ending .xlsx or .xls (any case): what the return pipeline takes. */
    boolean workbook() {
      String lower = name.toLowerCase(Locale.ROOT);
      return lower.endsWith(".xlsx") || lower.endsWith(".xls");
    }

    InputStream open() throws IOException, MessagingException {
      return part.getInputStream();
    }
  }

  private AttachmentExtractor() {}

  static List<Attachment> attachments(Part message) throws IOException, MessagingException {
    List<Attachment> out = new ArrayList<>();
    walk(message, out, true);
    return out;
  }

  private static void walk(Part part, List<Attachment> out, boolean top)
      throws IOException, MessagingException {
    String name = name(part);
    String disposition = part.getDisposition();
    if (part.isMimeType("multipart/*") && name == null) {
      Multipart mp = (Multipart) part.getContent();
      for (int i = 0; i < mp.getCount(); i++) {
        BodyPart child = mp.getBodyPart(i);
        walk(child, out, false);
      }
      return;
    }
    if (top) {
      return; // a message that is only a body has no attachment
    }
    boolean attached = Part.ATTACHMENT.equalsIgnoreCase(disposition);
    boolean inline = Part.INLINE.equalsIgnoreCase(disposition) || disposition == null;
    if (name == null) {
      if (attached || part.isMimeType("message/rfc822")) {
        out.add(
            new Attachment(
                part.isMimeType("message/rfc822") ? "forwarded message" : "attachment", part));
      }
      return;
    }
    if (inline && part.isMimeType("image/*")) {
      return; // a picture in the body, such as a signature's logo
    }
    out.add(new Attachment(name, part));
  }

  /** The part's file name, decoded, without any folder, or null when it has none. */
  static String name(Part part) throws MessagingException {
    String name;
    try {
      name = part.getFileName();
    } catch (MessagingException | RuntimeException e) {
      name = null;
    }
    if (name == null || name.isBlank()) {
      return null;
    }
    if (name.contains("=?")) {
      try {
        name = MimeUtility.decodeText(name);
      } catch (java.io.UnsupportedEncodingException e) {
        // keep it as it came
      }
    }
    name = name.strip();
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    name = name.substring(slash + 1).strip();
    return name.isEmpty() ? null : name;
  }
}
