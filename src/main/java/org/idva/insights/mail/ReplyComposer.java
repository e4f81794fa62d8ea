package org.idva.insights.mail;

import jakarta.activation.DataHandler;
import jakarta.activation.FileDataSource;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;

/**
 * Writes the one reply to a message: threaded under it (In-Reply-To, References), marked as an
 * automatic reply (RFC 3834, so out-of-office replies do not answer it back), with a few plain
 * lines on what happened to each attachment, then each return's feedback message as text and as
 * HTML, and each checked workbook attached. It goes to the address given (the sender's registered
 * address), never to a Reply-To of the message.
 */
final class ReplyComposer {
  /** What the reply says and carries. */
  record Content(List<String> lines, List<Path> texts, List<Path> htmls, List<Path> workbooks) {}

  private final Session session;
  private final String from;

  ReplyComposer(Session session, String from) {
    this.session = session;
    this.from = from;
  }

  MimeMessage compose(MimeMessage original, String to, String key, Content content, Date now)
      throws MessagingException, IOException {
    String id =
        "<insights-reply-" + key.substring(0, Math.min(32, key.length())) + "@" + domain() + ">";
    MimeMessage reply = new FixedIdMessage(session, id);
    reply.setFrom(new InternetAddress(from));
    reply.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
    String subject = original.getSubject();
    subject = subject == null || subject.isBlank() ? "your return" : subject.strip();
    reply.setSubject(
        subject.regionMatches(true, 0, "Re:", 0, 3) ? subject : "Re: " + subject, "UTF-8");
    String inReplyTo = original.getMessageID();
    if (inReplyTo != null) {
      reply.setHeader("In-Reply-To", inReplyTo);
      String refs = original.getHeader("References", " ");
      reply.setHeader("References", refs == null ? inReplyTo : refs + " " + inReplyTo);
    }
    reply.setHeader("Auto-Submitted", "auto-replied");
    reply.setSentDate(now);

    MimeMultipart alternative = new MimeMultipart("alternative");
    MimeBodyPart text = new MimeBodyPart();
    text.setText(text(content), "UTF-8", "plain");
    alternative.addBodyPart(text);
    MimeBodyPart html = new MimeBodyPart();
    html.setText(html(content), "UTF-8", "html");
    alternative.addBodyPart(html);

    MimeMultipart mixed = new MimeMultipart("mixed");
    MimeBodyPart body = new MimeBodyPart();
    body.setContent(alternative);
    mixed.addBodyPart(body);
    for (Path workbook : content.workbooks()) {
      MimeBodyPart file = new MimeBodyPart();
      file.setDataHandler(new DataHandler(new FileDataSource(workbook.toFile())));
      file.setFileName(workbook.getFileName().toString());
      file.setDisposition(MimeBodyPart.ATTACHMENT);
      file.setHeader(
          "Content-Type",
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet; name=\""
              + workbook.getFileName()
              + "\"");
      mixed.addBodyPart(file);
    }
    reply.setContent(mixed);
    reply.saveChanges();
    return reply;
  }

  private String domain() {
    return AuthenticationResults.domainOf(from).replaceAll("[^A-Za-z0-9.-]", "");
  }

  private static String text(Content c) throws IOException {
    StringBuilder b =
        new StringBuilder("Hello,\n\nThank you for your message. This is what happened to it:\n\n");
    for (String line : c.lines()) {
      b.append("- ").append(line).append('\n');
    }
    for (Path t : c.texts()) {
      b.append("\n------------------------------------------------------------\n\n");
      b.append(Files.readString(t, StandardCharsets.UTF_8).strip()).append('\n');
    }
    b.append(
        "\nThis reply was written by Idva Insights. Reply to this address if anything is unclear.\n");
    return b.toString();
  }

  private static String html(Content c) throws IOException {
    StringBuilder b =
        new StringBuilder(
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"></head>\n"
                + "<body style=\"font-family: Arial, sans-serif\">\n<p>Hello,</p>\n"
                + "<p>Thank you for your message. This is what happened to it:</p>\n<ul>\n");
    for (String line : c.lines()) {
      b.append("<li>").append(escape(line)).append("</li>\n");
    }
    b.append("</ul>\n");
    for (Path h : c.htmls()) {
      b.append("<hr>\n").append(bodyOf(Files.readString(h, StandardCharsets.UTF_8))).append('\n');
    }
    b.append(
        "<p style=\"color:#555\">This reply was written by Idva Insights. Reply to this address if"
            + " anything is unclear.</p>\n</body></html>\n");
    return b.toString();
  }

  /** What is inside a feedback page's body element (the whole text when it has none). */
  static String bodyOf(String html) {
    String lower = html.toLowerCase(java.util.Locale.ROOT);
    int open = lower.indexOf("<body");
    int close = lower.lastIndexOf("</body>");
    if (open < 0 || close < open) {
      return html;
    }
    int start = lower.indexOf('>', open) + 1;
    return html.substring(start, close).strip();
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(ch);
      }
    }
    return b.toString();
  }

  /** A message whose Message-ID stays as composed, so a reply sent twice is recognisably one. */
  static final class FixedIdMessage extends MimeMessage {
    private final String id;

    FixedIdMessage(Session session, String id) {
      super(session);
      this.id = id;
    }

    FixedIdMessage(Session session, java.io.InputStream in) throws MessagingException {
      super(session, in);
      this.id = null;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      if (id != null) {
        setHeader("Message-ID", id);
      }
      // a reply read back from the outbox keeps the Message-ID it was written with
    }
  }
}
