package org.idva.insights.pipeline;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * What came in, from whom and when: one return file handed to the {@link Pipeline} by a way in (the
 * input folder, the mailbox, the web page).
 *
 * @param file where the bytes are kept (for mail and web: a path the tool chose, never one built
 *     from the name the sender gave)
 * @param originalName the file name as the sender gave it: what the checks read the service and
 *     quarter from and what the feedback calls the return; never used as a path
 * @param channel how it came
 * @param receivedAt when the tool received it: the newest submission of a quarter counts
 * @param sender who sent it, for the record: a registered e-mail address, an account, or {@code the
 *     analyst's disk}
 * @param senderService the only service the sender may submit for, or null when the sender may
 *     submit for any registered service (the analyst's disk, an analyst's account)
 */
public record Submission(
    Path file,
    String originalName,
    Channel channel,
    Instant receivedAt,
    String sender,
    String senderService) {
  /** The sender of a file dropped into the input folder. */
  public static final String ANALYSTS_DISK = "the analyst's disk";

  public Submission {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(originalName, "originalName");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(sender, "sender");
  }

  /** A file found in the input folder, received now (the first time the tool sees it). */
  public static Submission fromFolder(Path file, Instant now) {
    return new Submission(
        file, file.getFileName().toString(), Channel.FOLDER, now, ANALYSTS_DISK, null);
  }
}
