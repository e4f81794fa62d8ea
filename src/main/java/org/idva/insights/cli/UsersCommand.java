package org.idva.insights.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.idva.insights.schema.Schema;
import org.idva.insights.schema.ServiceRegistry;
import org.idva.insights.store.Account;
import org.idva.insights.store.CaseStore;
import org.idva.insights.web.AccountAdmin;
import org.idva.insights.web.Passwords;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code insights users}: the accounts of the returns web page. */
@Command(
    name = "users",
    mixinStandardHelpOptions = true,
    description = "Manage the accounts of the returns web page (insights serve).",
    subcommands = {
      UsersCommand.Add.class,
      UsersCommand.ListAccounts.class,
      UsersCommand.Disable.class,
      UsersCommand.Reset.class
    },
    footer = ExitCode.HELP_FOOTER)
final class UsersCommand {

  /** What every users subcommand shares: the definitions, the store and the registry. */
  abstract static class Base implements Callable<Integer> {
    @Mixin DefinitionOptions definitions;
    @Mixin StoreOptions store;
    @Mixin ServicesOption services;

    @Option(
        names = "--password-stdin",
        description =
            "Read the password from the first line of standard input instead of generating one.")
    boolean passwordStdin;

    @Override
    public Integer call() throws Exception {
      Schema schema = definitions.loadSchema();
      ServiceRegistry registry = services.load();
      if (registry == null) {
        registry = ServiceRegistry.of(java.util.List.of());
      }
      try (CaseStore cases = store.open(schema)) {
        return run(new AccountAdmin(cases, registry, Passwords.DEFAULT_ITERATIONS), cases);
      } catch (AccountAdmin.Refused e) {
        System.err.println(e.getMessage() + ".");
        return ExitCode.USAGE;
      }
    }

    abstract int run(AccountAdmin admin, CaseStore cases) throws Exception;

    /** The password from standard input, or null to generate one. */
    String password() throws java.io.IOException {
      if (!passwordStdin) {
        return null;
      }
      String line =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      return line == null ? "" : line;
    }

    static void audit(CaseStore cases, String action, String service, String detail) {
      cases
          .audit()
          .record(
              "command line (" + System.getProperty("user.name", "?") + ")",
              "localhost",
              action,
              service,
              detail);
    }

    static Account existing(AccountAdmin admin, String email) throws AccountAdmin.Refused {
      return admin
          .find(email)
          .orElseThrow(() -> new AccountAdmin.Refused("No account for " + email));
    }
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description =
          "Add an account: a service lead (--service) or the analyst (--analyst). A generated"
              + " password is printed once unless --password-stdin is given.")
  static final class Add extends Base {
    @Option(names = "--email", required = true, paramLabel = "ADDRESS")
    String email;

    @Option(names = "--service", paramLabel = "SVC", description = "The lead's service code.")
    String service;

    @Option(names = "--analyst", description = "The analyst: sees every service.")
    boolean analyst;

    @Override
    int run(AccountAdmin admin, CaseStore cases) throws Exception {
      if (analyst == (service != null)) {
        System.err.println("Give either --service SVC or --analyst.");
        return ExitCode.USAGE;
      }
      String given = password();
      String password = admin.add(email, service, analyst, given);
      audit(cases, "account added", analyst ? null : service, email.strip());
      System.out.println("Added " + email.strip() + (analyst ? " (analyst)" : " for " + service));
      if (given == null) {
        System.out.println("Password (shown once): " + password);
      }
      return ExitCode.OK;
    }
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the accounts.")
  static final class ListAccounts extends Base {
    @Override
    int run(AccountAdmin admin, CaseStore cases) {
      System.out.printf("%-40s %-10s %s%n", "email", "service", "state");
      for (Account a : admin.list()) {
        System.out.printf(
            "%-40s %-10s %s%n", a.email(), a.role(), a.disabled() ? "disabled" : "active");
      }
      return ExitCode.OK;
    }
  }

  @Command(
      name = "disable",
      mixinStandardHelpOptions = true,
      description = "Disable an account (its sessions end at once); --enable undoes it.")
  static final class Disable extends Base {
    @Parameters(paramLabel = "EMAIL")
    String email;

    @Option(names = "--enable", description = "Enable the account again.")
    boolean enable;

    @Override
    int run(AccountAdmin admin, CaseStore cases) throws Exception {
      Account a = existing(admin, email);
      admin.setDisabled(a.id(), !enable);
      audit(cases, enable ? "account enabled" : "account disabled", a.service(), a.email());
      System.out.println((enable ? "Enabled " : "Disabled ") + a.email());
      return ExitCode.OK;
    }
  }

  @Command(
      name = "reset",
      mixinStandardHelpOptions = true,
      description =
          "Set a new password (generated and printed once, or read with --password-stdin); the"
              + " account's sessions end.")
  static final class Reset extends Base {
    @Parameters(paramLabel = "EMAIL")
    String email;

    @Override
    int run(AccountAdmin admin, CaseStore cases) throws Exception {
      Account a = existing(admin, email);
      String given = password();
      String password = admin.reset(a.id(), given);
      audit(cases, "password reset", a.service(), a.email());
      System.out.println("New password set for " + a.email());
      if (given == null) {
        System.out.println("Password (shown once): " + password);
      }
      return ExitCode.OK;
    }
  }
}
