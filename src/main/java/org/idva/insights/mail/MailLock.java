package org.idva.insights.mail;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * One poller at a time over an output folder's messages: a lock file ({@code <output>/mail/.lock})
 * held for a poll cycle, so two pollers (a cron {@code --once} while a long-running poller works,
 * or {@code run} picking up {@code input/mail/}) take turns and a claim left open in the message
 * log can only have been left by a crash.
 */
final class MailLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private MailLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock, waiting up to {@code wait}.
   *
   * @throws IOException when another poller holds it for longer
   */
  static MailLock take(Path output, Duration wait) throws IOException {
    Path file = Files.createDirectories(output.resolve("mail")).resolve(".lock");
    FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    long until = System.nanoTime() + wait.toNanos();
    try {
      while (true) {
        FileLock lock;
        try {
          lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
          lock = null; // held by this process (another poller in the same JVM)
        }
        if (lock != null) {
          return new MailLock(channel, lock);
        }
        if (System.nanoTime() > until) {
          throw new IOException(
              "Another poller is processing the messages of " + output + " (lock " + file + ")");
        }
        Thread.sleep(200);
      }
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    } catch (InterruptedException e) {
      channel.close();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for " + file, e);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }
}
