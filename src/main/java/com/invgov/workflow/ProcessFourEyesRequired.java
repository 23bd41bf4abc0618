package com.invgov.workflow;

import com.invgov.api.ApiProblem;
import com.invgov.api.ProblemType;

/** The author of a process draft tried to publish it; a second ADMIN must (DESIGN §7): 403 {@code forbidden}. */
public class ProcessFourEyesRequired extends ApiProblem {

    public ProcessFourEyesRequired(long draftId, String processKey, String author) {
        super(ProblemType.FORBIDDEN, "Process draft " + draftId + " of '" + processKey + "' was written by " + author
                + "; a second ADMIN must publish it");
    }
}
