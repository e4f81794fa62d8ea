package org.idva.insights.mail;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * The IMAP folder returns arrive in: the messages waiting in arrival order, and filing one away
 * when done (moved to {@code Processed} or {@code Rejected}, created when missing; where the server
 * cannot move or create folders, the message is flagged with a keyword instead and skipped from
 * then on).
 */
final class ImapMailbox implements AutoCloseable {
  /** IMAP keyword set on a message that could not be moved: it counts as filed. */
  static final String FILED_KEYWORD = "InsightsFiled";

  private final Store store;
  private final IMAPFolder folder;

  private ImapMailbox(Store store, IMAPFolder folder) {
    this.store = store;
    this.folder = folder;
  }

  static ImapMailbox open(MailboxUri uri, MailCredentials credentials)
      throws MessagingException, IOException {
    Store store = MailSessions.forServer(uri, credentials).getStore(uri.protocol());
    store.connect(uri.host(), uri.port(), uri.user(), credentials.secret());
    try {
      Folder f = store.getFolder(uri.folder());
      if (!f.exists()) {
        throw new MessagingException("There is no folder " + uri.folder() + " in " + uri);
      }
      f.open(Folder.READ_WRITE);
      return new ImapMailbox(store, (IMAPFolder) f);
    } catch (MessagingException | RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /** The messages not yet filed, oldest arrival first (by the server's received date, then UID). */
  List<Message> waiting() throws MessagingException {
    List<Message> out = new ArrayList<>();
    for (Message m : folder.getMessages()) {
      Flags flags = m.getFlags();
      if (!flags.contains(Flags.Flag.DELETED) && !flags.contains(FILED_KEYWORD)) {
        out.add(m);
      }
    }
    List<Long> uids = new ArrayList<>();
    for (Message m : out) {
      uids.add(((UIDFolder) folder).getUID(m));
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < out.size(); i++) {
      order.add(i);
    }
    List<Date> received = new ArrayList<>();
    for (Message m : out) {
      Date d = m.getReceivedDate();
      received.add(d == null ? new Date(0) : d);
    }
    order.sort(Comparator.comparing((Integer i) -> received.get(i)).thenComparing(uids::get));
    List<Message> sorted = new ArrayList<>();
    order.forEach(i -> sorted.add(out.get(i)));
    return sorted;
  }

  /** Moves a message to {@code target} (created when missing), or flags it when that fails. */
  void file(Message m, String target) throws MessagingException {
    try {
      Folder to = store.getFolder(target);
      if (!to.exists() && !to.create(Folder.HOLDS_MESSAGES)) {
        throw new MessagingException("cannot create folder " + target);
      }
      if (((IMAPStore) store).hasCapability("MOVE")) {
        folder.moveMessages(new Message[] {m}, to);
      } else {
        folder.copyMessages(new Message[] {m}, to);
        m.setFlag(Flags.Flag.DELETED, true);
        folder.expunge(new Message[] {m});
      }
    } catch (MessagingException e) {
      Flags keyword = new Flags(FILED_KEYWORD);
      m.setFlags(keyword, true);
      m.setFlag(Flags.Flag.SEEN, true);
    }
  }

  @Override
  public void close() throws MessagingException {
    try {
      if (folder.isOpen()) {
        folder.close(true);
      }
    } finally {
      store.close();
    }
  }
}
