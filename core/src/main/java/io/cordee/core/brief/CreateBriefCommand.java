package io.cordee.core.brief;

import io.cordee.core.common.Validator;
import io.cordee.core.project.ProjectId;
import java.time.LocalDate;

/**
 * Create a brief with its first version, a draft (use case {@link BriefService#create(io.cordee.core.identity.Caller,
 * CreateBriefCommand)}). Valid on its own (ADR 79): a project, a title of 1 to 200 characters (stripped) and the
 * content's rules ({@link BriefVersionCommand}). Otherwise the constructor throws
 * {@link io.cordee.core.common.InvalidInput} naming every broken field, the title's and the content's in one answer.
 * That the project exists and is the caller's stays with the service, which reads it for its start date.
 */
public record CreateBriefCommand(ProjectId projectId, String title, BriefVersionCommand content) {

    public CreateBriefCommand {
        new Validator().required("projectId", projectId).requiredText("title", title, Validator.NAME_MAX_LENGTH)
                .required("content", content).throwIfInvalid();
        title = title.strip();
    }

    /** The command from a draft for a project starting on {@code projectStart}: title and content checked at once. */
    public CreateBriefCommand(ProjectId projectId, String title, BriefVersionDraft draft, LocalDate projectStart) {
        this(projectId, title, BriefVersionCommand.checkedWith(new Validator().required("projectId", projectId)
                .requiredText("title", title, Validator.NAME_MAX_LENGTH), draft, projectStart));
    }
}
