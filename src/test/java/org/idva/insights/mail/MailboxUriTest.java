package org.idva.insights.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MailboxUriTest {
  @Test
  void anAddressAsUserSplitsAtTheLastAt() {
    MailboxUri u =
        MailboxUri.parse(
            "imaps://returns@idva.example@outlook.office365.com:993/Returns/2023", "imap");
    assertThat(u.scheme()).isEqualTo("imaps");
    assertThat(u.user()).isEqualTo("returns@idva.example");
    assertThat(u.host()).isEqualTo("outlook.office365.com");
    assertThat(u.port()).isEqualTo(993);
    assertThat(u.folder()).isEqualTo("Returns/2023");
    assertThat(u.tls()).isTrue();
  }

  @Test
  void defaultsAndPercentEncoding() {
    MailboxUri u = MailboxUri.parse("imap://returns%40idva.example@localhost", "imap");
    assertThat(u.user()).isEqualTo("returns@idva.example");
    assertThat(u.port()).isEqualTo(143);
    assertThat(u.folder()).isEqualTo("INBOX");
    assertThat(u.local()).isTrue();
    MailboxUri s = MailboxUri.parse("smtp://a@b.example@smtp.office365.com:587", "smtp");
    assertThat(s.folder()).isNull();
    assertThat(s.tls()).isFalse();
    assertThat(s.local()).isFalse();
    assertThat(MailboxUri.parse("smtps://x@mail.example", "smtp").port()).isEqualTo(465);
  }

  @Test
  void wrongOnesSayWhatIsExpected() {
    assertThatThrownBy(() -> MailboxUri.parse("outlook.office365.com", "imap"))
        .hasMessageContaining("imap[s]://USER@HOST:PORT");
    assertThatThrownBy(() -> MailboxUri.parse("pop3://a@b:110", "imap"))
        .hasMessageContaining("not imap:// or imaps://");
    assertThatThrownBy(() -> MailboxUri.parse("imap://a@b:port", "imap"))
        .hasMessageContaining("\"port\" is not a port number");
    assertThatThrownBy(() -> MailboxUri.parse("imap://a@b:70000", "imap"))
        .hasMessageContaining("out of range");
    assertThatThrownBy(() -> MailboxUri.parse("smtp://a@b:25/INBOX", "smtp"))
        .hasMessageContaining("no folder");
    assertThatThrownBy(() -> MailboxUri.parse("imap://a@:143", "imap"))
        .hasMessageContaining("No server");
  }
}
