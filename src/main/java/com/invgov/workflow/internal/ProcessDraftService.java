package com.invgov.workflow.internal;

import com.invgov.api.Conflict;
import com.invgov.api.Cursor;
import com.invgov.api.NotFound;
import com.invgov.api.Page;
import com.invgov.api.Transactions;
import com.invgov.api.ValidationFailed;
import com.invgov.audit.AuditTrail;
import com.invgov.security.CurrentUser;
import com.invgov.security.Role;
import com.invgov.security.Users;
import com.invgov.workflow.BpmnProblem;
import com.invgov.workflow.DeployedProcess;
import com.invgov.workflow.ProcessDraft;
import com.invgov.workflow.ProcessDraftStatus;
import com.invgov.workflow.ProcessDrafts;
import com.invgov.workflow.ProcessFourEyesRequired;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Drafts of processes and their publishing (DESIGN §6, §7). Authorization is checked here. Saving a draft and
 * publishing one are each one transaction (the caller's when there is one): the place for an audit record.
 */
@Service
class ProcessDraftService implements ProcessDrafts {

    static final int MAX_COMMENT = 2000;
    /** The deployment's source, so the engine's tables tell API deployments from the start-up one. */
    static final String SOURCE = "invgov-api";

    private final BpmnValidator validator;
    private final ProcessDraftStore store;
    private final RepositoryService repository;
    private final CurrentUser user;
    private final Transactions transactions;
    private final Clock clock;
    private final boolean fourEyes;
    private final AuditTrail audit;
    private final Users users;

    ProcessDraftService(BpmnValidator validator, ProcessDraftStore store, RepositoryService repository,
                        CurrentUser user, Transactions transactions, Clock clock, AuditTrail audit, Users users,
                        // one setting for rules and processes: "publishing needs a second ADMIN" (DESIGN §7)
                        @Value("${invgov.rules.four-eyes:true}") boolean fourEyes) {
        this.validator = validator;
        this.store = store;
        this.repository = repository;
        this.user = user;
        this.transactions = transactions;
        this.clock = clock;
        this.fourEyes = fourEyes;
        this.audit = audit;
        this.users = users;
    }

    @Override
    public List<BpmnProblem> check(String bpmn) {
        user.requireAnyRole("check processes", Role.ADMIN);
        return validator.problems(bpmn);
    }

    @Override
    public ProcessDraft create(String bpmn, String comment) {
        user.requireAnyRole("write processes", Role.ADMIN);
        String author = user.requireUsername();
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw new ValidationFailed("comment", "at most " + MAX_COMMENT + " characters");
        }
        BpmnValidator.Valid valid = validator.validate(bpmn);
        return transactions.inTransaction(() -> {
            store.lockKey(valid.key());
            ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(valid.key())
                    .latestVersion().singleResult();
            long id = store.insert(valid.key(), valid.name(), bpmn, blankToNull(comment), author, clock.instant(),
                    latest == null ? null : latest.getVersion());
            ProcessDraft draft = store.find(id, false).orElseThrow();
            // the XML itself stays with the draft (drafts are kept): the entry names it and its digest
            audit.record("PROCESS_DRAFT_SAVED", "process", draft.processKey(), null, Map.of("draftId", id,
                    "draftNumber", draft.number(), "name", String.valueOf(draft.name()), "bpmnSha256",
                    sha256(bpmn), "bpmnBytes", bpmn.getBytes(StandardCharsets.UTF_8).length), draft.comment());
            return draft;
        });
    }

    @Override
    public DeployedProcess publish(long draftId) {
        user.requireAnyRole("publish processes", Role.ADMIN);
        String publisher = user.requireUsername();
        return transactions.inTransaction(() -> {
            ProcessDraft draft = store.lockForPublish(draftId)
                    .orElseThrow(() -> new NotFound("Process draft", String.valueOf(draftId)));
            if (fourEyes && draft.createdBy().equals(publisher)) {
                throw new ProcessFourEyesRequired(draftId, draft.processKey(), draft.createdBy());
            }
            if (fourEyes && users.vouchedBy(publisher).contains(draft.createdBy())) {
                throw new ProcessFourEyesRequired(draftId, draft.processKey(), draft.createdBy(), publisher);
            }
            if (draft.status() == ProcessDraftStatus.PUBLISHED) {
                throw new Conflict("Process draft " + draftId + " of '" + draft.processKey()
                        + "' was published already (version " + draft.deployed().version() + ", by "
                        + draft.publishedBy() + ")");
            }
            // the registered steps may have changed since it was saved (a release removed one)
            validator.validate(draft.bpmn());
            // two drafts of one key published at once take turns: each deploys after the other and names it as the
            // version it replaced
            store.lockKey(draft.processKey());
            ProcessDefinition previous = repository.createProcessDefinitionQuery()
                    .processDefinitionKey(draft.processKey()).latestVersion().singleResult();
            Integer latestVersion = previous == null ? null : previous.getVersion();
            if (!Objects.equals(draft.basedOnVersion(), latestVersion)) {
                // it would undo what the newer version changed, unseen by the author and the reviewer
                throw new Conflict("Process draft " + draftId + " of '" + draft.processKey() + "' was written against "
                        + (draft.basedOnVersion() == null ? "no version" : "version " + draft.basedOnVersion())
                        + "; version " + latestVersion + " has been deployed since. Upload it again on top of version "
                        + latestVersion + ".");
            }
            DeployedProcess deployed = deploy(draft);
            store.markPublished(draftId, publisher, clock.instant(), deployed);
            audit.record("PROCESS_DEPLOYED", "process", draft.processKey(),
                    previous == null ? null : Map.of("version", previous.getVersion(), "definitionId",
                            previous.getId()),
                    Map.of("version", deployed.version(), "definitionId", deployed.id(), "deploymentId",
                            deployed.deploymentId(), "draftId", draftId, "author", draft.createdBy()),
                    draft.comment());
            return deployed;
        });
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private DeployedProcess deploy(ProcessDraft draft) {
        DeploymentWithDefinitions deployment;
        try {
            deployment = repository.createDeployment()
                    .name("process-draft-" + draft.id())
                    .source(SOURCE)
                    .addInputStream(draft.processKey() + ".bpmn",
                            new ByteArrayInputStream(draft.bpmn().getBytes(StandardCharsets.UTF_8)))
                    .deployWithResult();
        } catch (ProcessEngineException e) {
            // valid on its own, refused next to what is deployed (a message start event another process has)
            throw new Conflict("The engine refused to deploy process draft " + draft.id() + " of '"
                    + draft.processKey() + "': " + e.getMessage());
        }
        ProcessDefinition definition = deployment.getDeployedProcessDefinitions().get(0);
        return new DeployedProcess(definition.getId(), definition.getKey(), definition.getVersion(),
                deployment.getId(), definition.getName(), draft.id());
    }

    @Override
    public Page<ProcessDraft> drafts(String processKey, String after, Integer limit) {
        requireReader();
        int size = Cursor.limit(limit);
        long before = Cursor.decodeLong(after, Long.MAX_VALUE);
        return Page.of(store.page(blankToNull(processKey), before, size), size, d -> String.valueOf(d.id()));
    }

    @Override
    public ProcessDraft draft(long draftId) {
        requireReader();
        return store.find(draftId, true).orElseThrow(() -> new NotFound("Process draft", String.valueOf(draftId)));
    }

    @Override
    public boolean fourEyes() {
        return fourEyes;
    }

    private void requireReader() {
        user.requireAnyRole("read process drafts", Role.ADMIN, Role.AUDITOR);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
