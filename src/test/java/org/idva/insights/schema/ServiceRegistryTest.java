package org.idva.insights.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service registry is loaded with the schemas' care and written back in its own format. */
class ServiceRegistryTest {
  @TempDir Path dir;

  private Path file(String json) throws Exception {
    return Files.writeString(dir.resolve("services.json"), json);
  }

  @Test
  void readsServicesAndTheirSenders() throws Exception {
    ServiceRegistry r =
        ServiceRegistry.load(
            file(
                """
                {"services": [
                  {"code": "SVC01", "name": "North", "senders": ["Lead@North.example", "b@north.example"]},
                  {"code": "SVC02", "name": "South", "senders": ["lead@south.example"]}
                ]}"""));
    assertThat(r.services())
        .extracting(ServiceRegistry.Service::code)
        .containsExactly("SVC01", "SVC02");
    assertThat(r.service("svc02")).map(ServiceRegistry.Service::name).contains("South");
    assertThat(r.service("SVC10")).isEmpty();
    assertThat(r.serviceOfSender("lead@NORTH.example "))
        .map(ServiceRegistry.Service::code)
        .contains("SVC01");
    assertThat(r.serviceOfSender("someone@else.example")).isEmpty();
  }

  @Test
  void anUnknownKeyNamesTheFileAndKey() throws Exception {
    Path f = file("{\"services\": [{\"code\": \"SVC01\", \"name\": \"N\", \"sender\": []}]}");
    assertThatThrownBy(() -> ServiceRegistry.load(f))
        .isInstanceOf(DefinitionException.class)
        .hasMessageContaining("services.json")
        .hasMessageContaining("services[0].sender")
        .hasMessageContaining("unknown key");
  }

  @Test
  void aDuplicateCodeIsRefused() throws Exception {
    Path f =
        file(
            "{\"services\": [{\"code\": \"SVC01\", \"name\": \"A\"}, {\"code\": \"svc01\", \"name\":"
                + " \"B\"}]}");
    assertThatThrownBy(() -> ServiceRegistry.load(f))
        .isInstanceOf(DefinitionException.class)
        .hasMessageContaining("services[1]")
        .hasMessageContaining("listed twice");
  }

  @Test
  void anAddressMaySendForOneServiceOnly() throws Exception {
    Path f =
        file(
            "{\"services\": [{\"code\": \"SVC01\", \"name\": \"A\", \"senders\": [\"x@a.example\"]},"
                + " {\"code\": \"SVC02\", \"name\": \"B\", \"senders\": [\"X@A.example\"]}]}");
    assertThatThrownBy(() -> ServiceRegistry.load(f))
        .isInstanceOf(DefinitionException.class)
        .hasMessageContaining("services[1]")
        .hasMessageContaining("X@A.example is listed twice");
  }

  @Test
  void aSenderMustBeAnAddressAndACodeMustBeACode() throws Exception {
    Path bad =
        file("{\"services\": [{\"code\": \"SVC01\", \"name\": \"A\", \"senders\": [\"nobody\"]}]}");
    assertThatThrownBy(() -> ServiceRegistry.load(bad))
        .hasMessageContaining("not an e-mail address");
    Path code = file("{\"services\": [{\"code\": \"../x\", \"name\": \"A\"}]}");
    assertThatThrownBy(() -> ServiceRegistry.load(code)).hasMessageContaining("must be letters");
  }

  @Test
  void aMissingFileIsADefinitionError() {
    assertThatThrownBy(() -> ServiceRegistry.load(dir.resolve("none.json")))
        .isInstanceOf(DefinitionException.class)
        .hasMessageContaining("no such service registry file");
    assertThat(ServiceRegistry.loadIfPresent(dir.resolve("none.json"))).isEmpty();
  }

  @Test
  void writesWhatItReads() throws Exception {
    ServiceRegistry r =
        ServiceRegistry.of(
            List.of(
                new ServiceRegistry.Service("SVC01", "A \"quoted\" name", List.of("a@a.example")),
                new ServiceRegistry.Service("SVC02", "B", List.of())));
    Path f = dir.resolve("out.json");
    r.write(f);
    ServiceRegistry back = ServiceRegistry.load(f);
    assertThat(back.services()).containsExactlyElementsOf(r.services());
  }

  @Test
  void theShippedSampleRegistryListsTheNineSampleServices() {
    ServiceRegistry shipped = ServiceRegistry.load(ServiceRegistry.DEFAULT_FILE);
    assertThat(shipped.services()).hasSize(9);
    assertThat(shipped.service("SVC09")).isPresent();
  }
}
