import { and, eq } from 'drizzle-orm';
import type { Account } from '../../accounts/service.ts';
import { actorOf, recordAudit } from '../../audit/record.ts';
import { touch } from '../../db/columns.ts';
import { type Db, inTransaction } from '../../db/database.ts';
import { syncEditionOf } from '../edition-activity.ts';
import { projectComments, projectMilestones, researchProjects } from '../schema.ts';
import type { MilestoneInput, ProjectInput } from './forms.ts';

/** A participant's research project: the plan, its milestones and the conversation about them. */

export async function saveProject(
  db: Db,
  account: Account,
  participantId: number,
  input: ProjectInput,
): Promise<void> {
  await inTransaction(db, async (t) => {
    const [saved] = await t
      .insert(researchProjects)
      .values({ participantId, ...input })
      .onConflictDoUpdate({
        target: researchProjects.participantId,
        set: { ...input, ...touch(researchProjects) },
      })
      .returning({ id: researchProjects.id, version: researchProjects.version });
    // Titles and plans are about the office's work, but stay out of the trail like all participant content.
    await recordAudit(t, actorOf(account), {
      action: saved?.version === 1 ? 'create' : 'update',
      table: 'research_projects',
      id: saved?.id ?? 0,
      after: { participantId, status: input.status },
    });
    // Projects delivered are one of the results the edition reports by itself.
    await syncEditionOf(t, participantId, actorOf(account));
  });
}

export const projectOf = async (db: Db, participantId: number) =>
  (await db.select().from(researchProjects).where(eq(researchProjects.participantId, participantId)))[0] ??
  null;

export async function addMilestone(
  db: Db,
  account: Account,
  projectId: number,
  input: MilestoneInput,
): Promise<void> {
  await inTransaction(db, async (t) => {
    const [created] = await t
      .insert(projectMilestones)
      .values({ projectId, ...input })
      .returning({ id: projectMilestones.id });
    await recordAudit(t, actorOf(account), {
      action: 'create',
      table: 'project_milestones',
      id: created?.id ?? 0,
      after: { projectId, dueOn: input.dueOn, doneOn: input.doneOn },
    });
  });
}

/** Edits a milestone of this project; false when it belongs to another. */
export async function updateMilestone(
  db: Db,
  account: Account,
  projectId: number,
  milestoneId: number,
  input: MilestoneInput,
): Promise<boolean> {
  return inTransaction(db, async (t) => {
    const [before] = await t
      .select()
      .from(projectMilestones)
      .where(and(eq(projectMilestones.id, milestoneId), eq(projectMilestones.projectId, projectId)));
    if (!before) return false;
    await t
      .update(projectMilestones)
      .set({ ...input, ...touch(projectMilestones) })
      .where(eq(projectMilestones.id, milestoneId));
    await recordAudit(t, actorOf(account), {
      action: 'update',
      table: 'project_milestones',
      id: milestoneId,
      before: { dueOn: before.dueOn, doneOn: before.doneOn },
      after: { dueOn: input.dueOn, doneOn: input.doneOn },
    });
    return true;
  });
}

export async function addComment(db: Db, account: Account, projectId: number, body: string): Promise<void> {
  await inTransaction(db, async (t) => {
    const [created] = await t
      .insert(projectComments)
      .values({ projectId, authorId: account.id, body })
      .returning({ id: projectComments.id });
    await recordAudit(t, actorOf(account), {
      action: 'create',
      table: 'project_comments',
      id: created?.id ?? 0,
      after: { projectId },
    });
  });
}
