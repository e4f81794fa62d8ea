package org.idva.insights.web;

import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;

/**
 * The web page's HTML, rendered by Freemarker from {@code web/*.ftlh} in the resources with HTML
 * auto-escaping on: every value from a return, a file name or a form is escaped.
 */
final class Pages {
  private final Configuration config;

  Pages() {
    config = new Configuration(Configuration.VERSION_2_3_34);
    config.setClassLoaderForTemplateLoading(Pages.class.getClassLoader(), "web");
    config.setDefaultEncoding("UTF-8");
    config.setOutputFormat(HTMLOutputFormat.INSTANCE);
    config.setAutoEscapingPolicy(Configuration.ENABLE_IF_SUPPORTED_AUTO_ESCAPING_POLICY);
    config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    config.setLogTemplateExceptions(false);
    config.setWrapUncheckedExceptions(true);
    config.setFallbackOnNullLoopVariable(false);
  }

  String render(String name, Map<String, Object> model) {
    try {
      Template template = config.getTemplate(name + ".ftlh");
      StringWriter out = new StringWriter();
      template.process(model, out);
      return out.toString();
    } catch (IOException | TemplateException e) {
      throw new IllegalStateException("Page " + name + " failed: " + e.getMessage(), e);
    }
  }
}
