package org.idva.insights.render;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;

/** Renders Freemarker text templates kept under {@code templates/} in the resources. */
public final class TextTemplates {
  private final Configuration config;

  public TextTemplates() {
    config = new Configuration(Configuration.VERSION_2_3_34);
    config.setClassLoaderForTemplateLoading(TextTemplates.class.getClassLoader(), "templates");
    configure();
  }

  /** Templates read from a folder (e.g. {@code workbook-templates/}) instead of the classpath. */
  public TextTemplates(java.nio.file.Path folder) throws IOException {
    config = new Configuration(Configuration.VERSION_2_3_34);
    config.setDirectoryForTemplateLoading(folder.toFile());
    configure();
  }

  private void configure() {
    config.setDefaultEncoding("UTF-8");
    config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    config.setLogTemplateExceptions(false);
    config.setWrapUncheckedExceptions(true);
    config.setFallbackOnNullLoopVariable(false);
  }

  public String render(String name, Map<String, Object> model) {
    try {
      Template template = config.getTemplate(name);
      StringWriter out = new StringWriter();
      template.process(model, out);
      return out.toString();
    } catch (IOException | TemplateException e) {
      throw new IllegalStateException("Text template " + name + " failed: " + e.getMessage(), e);
    }
  }
}
