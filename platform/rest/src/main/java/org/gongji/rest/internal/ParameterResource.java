package org.gongji.rest.internal;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.gongji.rest.Caller;
import org.gongji.rest.internal.Access.Operation;
import org.gongji.rest.internal.Access.Target;
import org.gongji.rest.internal.Views.VocabularyView;
import org.gongji.rules.vocabulary.Vocabulary;

/** The key vocabulary: every key a region table may hold, what it is, and whether it is required or its default. */
@Path("/api/v1/parameters")
@Produces(MediaType.APPLICATION_JSON)
public final class ParameterResource {

    private final VocabularyView vocabulary = VocabularyView.of(Vocabulary.standard());

    @GET
    public VocabularyView vocabulary(@Context SecurityContext security) {
        Access.requireRole(Caller.of(security), Operation.READ_PARAMETERS);
        return vocabulary;
    }
}
