package com.invgov.workflow;

import com.invgov.api.ApiProblem;
import com.invgov.api.ProblemType;

/** The author of a process draft tried to publish it; a second ADMIN must (DESIGN §7): 403 {@code forbidden}. */
public class ProcessFourEyesRequired extends ApiProblem {

    public ProcessFourEyesRequired(long draftId, String processKey, String author) {
        super(ProblemType.FORBIDDEN, "Process draft " + draftId + " of '" + processKey + "' was written by " + author
                + "; a second ADMIN must publish it");
    }

    /** The publisher's account was made an ADMIN, or given its password, by the author. */
    public ProcessFourEyesRequired(long draftId, String processKey, String author, String publisher) {
        super(ProblemType.FORBIDDEN, "Process draft " + draftId + " of '" + processKey + "' was written by " + author
                + ", who made " + publisher + " an ADMIN or set its password; another ADMIN must publish it");
    }
}
