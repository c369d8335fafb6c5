package org.ctemcycles.jira.rest;

import java.io.IOException;

/**
 * A {@code multipart/form-data} body that breaks the format or its bounds, with what is wrong and where (the part
 * and the byte offset in the body). It is an {@link IOException} because it surfaces while a part's content is
 * being read, through the same stream an importer reads.
 */
final class MalformedMultipartException extends IOException {

    MalformedMultipartException(String message) {
        super(message);
    }
}
