package com.atlassian.templaterenderer;

// Mirror (compile-only, never packaged). Only the method this app calls; checked against Jira 11 call sites in
// atlassian-labs/atlassian-slack-integration-server @ 94c50dc (jira.version 11.0.0, atlassian-template-renderer-api
// provided): jira-slack-server-integration/jira-slack-server-integration-plugin/.../service/ComponentImports.java
// (@ComponentImport TemplateRenderer) and slack-server-integration-common/.../admin/ConfigureServlet.java
// (templateRenderer.render(template, Map<String, Object> context, resp.getWriter()), catching IOException).

import java.io.IOException;
import java.io.Writer;
import java.util.Map;

public interface TemplateRenderer {

    void render(String templateName, Map<String, Object> context, Writer writer) throws IOException;
}
