package org.idva.insights.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.idva.insights.mail.AuthenticationResults.Verdict.FAIL;
import static org.idva.insights.mail.AuthenticationResults.Verdict.NONE;
import static org.idva.insights.mail.AuthenticationResults.Verdict.PASS;

import org.junit.jupiter.api.Test;

class AuthenticationResultsTest {
  static AuthenticationResults.Verdict verdict(String... headers) {
    return AuthenticationResults.verdict(headers, "svc01.example", null);
  }

  @Test
  void dmarcDecidesWhenPresent() {
    assertThat(verdict("mx.idva.example; dmarc=pass (p=reject) header.from=svc01.example"))
        .isEqualTo(PASS);
    assertThat(
            verdict(
                "mx.idva.example; spf=pass smtp.mailfrom=svc01.example; dmarc=fail"
                    + " header.from=svc01.example"))
        .isEqualTo(FAIL);
    assertThat(verdict("mx.idva.example; dmarc=pass header.from=evil.example")).isEqualTo(FAIL);
  }

  @Test
  void withoutDmarcSpfOrDkimForTheFromDomain() {
    assertThat(verdict("mx.idva.example;\r\n\tdkim=pass header.d=svc01.example header.s=sel"))
        .isEqualTo(PASS);
    assertThat(verdict("mx.idva.example; spf=pass smtp.mailfrom=bounce@svc01.example"))
        .isEqualTo(PASS);
    assertThat(verdict("mx.idva.example; dkim=pass header.d=mailer.example")).isEqualTo(FAIL);
    assertThat(verdict("mx.idva.example; spf=softfail smtp.mailfrom=svc01.example"))
        .isEqualTo(FAIL);
    assertThat(verdict("mx.idva.example; none")).isEqualTo(FAIL);
  }

  @Test
  void onlyTheReceivingServersHeaderCounts() {
    // the topmost header is the receiving server's; one below it may have come with the message
    assertThat(
            verdict(
                "mx.idva.example; dmarc=fail header.from=svc01.example",
                "forged.example; dmarc=pass header.from=svc01.example"))
        .isEqualTo(FAIL);
    assertThat(
            AuthenticationResults.verdict(
                new String[] {
                  "forged.example; dmarc=pass header.from=svc01.example",
                  "mx.idva.example; dmarc=fail header.from=svc01.example"
                },
                "svc01.example",
                "mx.idva.example"))
        .isEqualTo(FAIL);
    assertThat(
            AuthenticationResults.verdict(
                new String[] {"mx.idva.example 1; dmarc=pass header.from=svc01.example"},
                "svc01.example",
                "mx.idva.example"))
        .isEqualTo(PASS);
  }

  @Test
  void noHeaderIsNothingToGoOnUnlessTheServerAlwaysWritesOne() {
    assertThat(verdict()).isEqualTo(NONE);
    assertThat(AuthenticationResults.verdict(null, "svc01.example", "mx.idva.example"))
        .isEqualTo(FAIL);
  }
}
