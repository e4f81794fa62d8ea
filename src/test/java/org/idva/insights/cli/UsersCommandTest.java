package org.idva.insights.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.idva.insights.schema.SchemaLoader;
import org.idva.insights.store.Account;
import org.idva.insights.store.CaseStore;
import org.idva.insights.store.StoreConfig;
import org.idva.insights.web.Passwords;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code insights users}: accounts added, listed, disabled and reset in the store. */
class UsersCommandTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream oldOut;
  private PrintStream oldErr;
  private InputStream oldIn;
  private Path registry;

  @BeforeEach
  void capture() throws Exception {
    oldOut = System.out;
    oldErr = System.err;
    oldIn = System.in;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    registry = dir.resolve("services.json");
    Files.writeString(
        registry, "{\"services\": [{\"code\": \"SVC01\", \"name\": \"North\", \"senders\": []}]}");
  }

  @AfterEach
  void restore() {
    System.setOut(oldOut);
    System.setErr(oldErr);
    System.setIn(oldIn);
  }

  private int users(String... args) {
    String[] all = new String[args.length + 5];
    all[0] = "users";
    System.arraycopy(args, 0, all, 1, args.length);
    all[args.length + 1] = "--store";
    all[args.length + 2] = dir.resolve("store.db").toString();
    all[args.length + 3] = "--services";
    all[args.length + 4] = registry.toString();
    return Main.run(all);
  }

  private Account account(String email) {
    try (CaseStore store =
        CaseStore.open(
            StoreConfig.of(dir.resolve("store.db").toString(), SchemaLoader.loadDefault()))) {
      return store.accounts().find(email).orElseThrow();
    }
  }

  @Test
  void addListDisableAndReset() {
    assertThat(users("add", "--service", "SVC01", "--email", "Lead@North.example"))
        .isEqualTo(ExitCode.OK);
    Matcher shown =
        Pattern.compile("Password \\(shown once\\): (\\S+)")
            .matcher(out.toString(StandardCharsets.UTF_8));
    assertThat(shown.find()).isTrue();
    Passwords check = new Passwords(1);
    Account a = account("lead@north.example");
    assertThat(a.service()).isEqualTo("SVC01");
    assertThat(a.passwordHash()).startsWith("pbkdf2-sha256$600000$").doesNotContain(shown.group(1));
    assertThat(check.verify(shown.group(1).toCharArray(), a.passwordHash())).isTrue();

    assertThat(users("add", "--service", "SVC09", "--email", "x@y.example"))
        .isEqualTo(ExitCode.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("registered services");
    assertThat(users("add", "--service", "SVC01", "--email", "lead@north.example"))
        .isEqualTo(ExitCode.USAGE);
    assertThat(users("add", "--analyst", "--email", "analyst@insights.example"))
        .isEqualTo(ExitCode.OK);

    out.reset();
    assertThat(users("list")).isEqualTo(ExitCode.OK);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("lead@north.example")
        .contains("SVC01")
        .contains("analyst@insights.example")
        .contains("analyst")
        .doesNotContain("pbkdf2");

    assertThat(users("disable", "lead@north.example")).isEqualTo(ExitCode.OK);
    assertThat(account("lead@north.example").disabled()).isTrue();
    assertThat(users("disable", "--enable", "lead@north.example")).isEqualTo(ExitCode.OK);
    assertThat(account("lead@north.example").disabled()).isFalse();

    System.setIn(new ByteArrayInputStream("too short\n".getBytes(StandardCharsets.UTF_8)));
    assertThat(users("reset", "--password-stdin", "lead@north.example")).isEqualTo(ExitCode.USAGE);
    System.setIn(
        new ByteArrayInputStream("a long enough passphrase\n".getBytes(StandardCharsets.UTF_8)));
    assertThat(users("reset", "--password-stdin", "lead@north.example")).isEqualTo(ExitCode.OK);
    assertThat(
            check.verify(
                "a long enough passphrase".toCharArray(),
                account("lead@north.example").passwordHash()))
        .isTrue();
    assertThat(users("reset", "nobody@north.example")).isEqualTo(ExitCode.USAGE);
    try (CaseStore store =
        CaseStore.open(
            StoreConfig.of(dir.resolve("store.db").toString(), SchemaLoader.loadDefault()))) {
      assertThat(store.audit().latest(0))
          .extracting(e -> e.action())
          .containsExactly(
              "account added",
              "account added",
              "account disabled",
              "account enabled",
              "password reset");
    }
  }
}
