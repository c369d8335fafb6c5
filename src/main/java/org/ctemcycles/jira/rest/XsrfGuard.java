package org.ctemcycles.jira.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

import java.util.List;
import java.util.Set;

/**
 * Refuses a state change that a cross-site form could send: a POST, PUT or DELETE whose body is form data, a
 * multipart form or plain text, unless it carries Jira's {@code X-Atlassian-Token: no-check} header, which a browser
 * sends only from script on Jira's own origin. JSON bodies need no header: no cross-site form can send one. Jira's
 * REST layer checks the same; the app checks it too, so the rule holds wherever its resources run. It runs before
 * the request is matched to a resource, so a refused request learns nothing about the API.
 */
@Provider
@PreMatching
public class XsrfGuard implements ContainerRequestFilter {

    static final String HEADER = "X-Atlassian-Token";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final List<MediaType> FORM_TYPES = List.of(MediaType.APPLICATION_FORM_URLENCODED_TYPE,
            MediaType.MULTIPART_FORM_DATA_TYPE, MediaType.TEXT_PLAIN_TYPE);

    @Override
    public void filter(ContainerRequestContext request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return;
        }
        MediaType type = request.getMediaType();
        boolean formLike = type == null || FORM_TYPES.stream().anyMatch(form -> form.isCompatible(type));
        if (formLike && !"no-check".equalsIgnoreCase(request.getHeaderString(HEADER))) {
            request.abortWith(ApiErrors.error(403, "xsrf-check-failed", "a " + request.getMethod() + " with "
                    + (type == null ? "no content type" : type.getType() + "/" + type.getSubtype())
                    + " needs the header " + HEADER + ": no-check (send JSON, or add the header from a script)",
                    List.of()));
        }
    }
}
