package org.idva.insights.schema;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The services that may send returns, as data ({@code input/services.json} by default): each
 * service's code, display name and the e-mail addresses allowed to send its returns. Loaded with
 * the same care as the form schemas: an unknown key, a duplicate code or a duplicate address is a
 * {@link DefinitionException} naming the file and the key.
 *
 * <pre>{"services": [{"code": "SVC01", "name": "...", "senders": ["lead@svc01.example"]}]}</pre>
 */
public final class ServiceRegistry {
  /** Where {@code run}, {@code mail} and {@code serve} look when not told. */
  public static final Path DEFAULT_FILE = Path.of("input", "services.json");

  /** One registered service. */
  public record Service(String code, String name, List<String> senders) {
    public Service {
      senders = List.copyOf(senders);
    }
  }

  private final Map<String, Service> byCode;
  private final Map<String, Service> bySender;

  private ServiceRegistry(Map<String, Service> byCode, Map<String, Service> bySender) {
    this.byCode = Collections.unmodifiableMap(byCode);
    this.bySender = Collections.unmodifiableMap(bySender);
  }

  /** A registry of the given services (for tests and generated samples). */
  public static ServiceRegistry of(Collection<Service> services) {
    Map<String, Service> byCode = new LinkedHashMap<>();
    Map<String, Service> bySender = new LinkedHashMap<>();
    for (Service s : services) {
      if (byCode.put(key(s.code()), s) != null) {
        throw new IllegalArgumentException("service " + s.code() + " is listed twice");
      }
      for (String address : s.senders()) {
        if (bySender.put(address(address), s) != null) {
          throw new IllegalArgumentException("sender " + address + " is listed twice");
        }
      }
    }
    return new ServiceRegistry(byCode, bySender);
  }

  /**
   * Reads a registry file.
   *
   * @throws DefinitionException when it is missing, not valid JSON, or breaks a rule (the message
   *     names the file and the key)
   */
  public static ServiceRegistry load(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new DefinitionException(file.toString(), "", "no such service registry file");
    }
    Path dir = file.toAbsolutePath().getParent();
    JsonDefinition root =
        JsonDefinition.read(DefinitionSource.directory(dir), file.getFileName().toString())
            .allowOnly(Set.of("description", "services"));
    Map<String, Service> byCode = new LinkedHashMap<>();
    Map<String, Service> bySender = new LinkedHashMap<>();
    for (JsonDefinition s : root.array("services", true)) {
      s.allowOnly(Set.of("code", "name", "senders"));
      String code = s.string("code").strip();
      if (!code.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,31}")) {
        throw s.error(
            "code \"" + code + "\" must be letters, digits, - or _ (at most 32), like SVC01");
      }
      Service service = new Service(code, s.string("name").strip(), s.strings("senders"));
      if (byCode.put(key(code), service) != null) {
        throw s.error("service code " + code + " is listed twice");
      }
      for (String address : service.senders()) {
        if (!address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
          throw s.error("sender \"" + address + "\" is not an e-mail address");
        }
        Service other = bySender.put(address(address), service);
        if (other != null) {
          throw s.error(
              "sender "
                  + address
                  + " is listed twice (for "
                  + other.code()
                  + " and "
                  + code
                  + "); an address may send for one service only");
        }
      }
    }
    return new ServiceRegistry(byCode, bySender);
  }

  /** The registry at {@code file}, or empty when there is no such file. */
  public static Optional<ServiceRegistry> loadIfPresent(Path file) {
    return Files.isRegularFile(file) ? Optional.of(load(file)) : Optional.empty();
  }

  /** The service with this code (codes compare without regard to case). */
  public Optional<Service> service(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(key(code)));
  }

  /** The service an address is registered to send for (addresses compare without case). */
  public Optional<Service> serviceOfSender(String address) {
    return address == null ? Optional.empty() : Optional.ofNullable(bySender.get(address(address)));
  }

  /** Every service, in the file's order. */
  public Collection<Service> services() {
    return byCode.values();
  }

  private static String key(String code) {
    return code.strip().toUpperCase(Locale.ROOT);
  }

  private static String address(String address) {
    return address.strip().toLowerCase(Locale.ROOT);
  }

  /** Writes the registry in the format {@link #load} reads (two-space indent, file order). */
  public void write(Path file) throws java.io.IOException {
    StringBuilder json = new StringBuilder("{\n  \"services\": [");
    String sep = "\n";
    for (Service s : byCode.values()) {
      json.append(sep)
          .append("    {\"code\": ")
          .append(quote(s.code()))
          .append(", \"name\": ")
          .append(quote(s.name()))
          .append(", \"senders\": [");
      for (int i = 0; i < s.senders().size(); i++) {
        json.append(i == 0 ? "" : ", ").append(quote(s.senders().get(i)));
      }
      json.append("]}");
      sep = ",\n";
    }
    json.append("\n  ]\n}\n");
    Files.writeString(file, json, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
