import { Button, Input, Select } from "@digdir/designsystemet-react";
import { Form } from "react-router";
import { ConflictChoice } from "../ConflictChoice.tsx";
import { failureFor, Hidden, TextField } from "../evidence/shared.tsx";
import { LabelledField } from "../LabelledField.tsx";
import { useT } from "../../i18n.ts";
import { ACTION_STATUSES, actionAnchor } from "../../../src/domain/cycle/actions.ts";
import type { ActionFields } from "../../../src/services/actionPlan/actions.server.ts";
import { ACTION_FIELDS, type ActionPlanFailure } from "./failure.ts";
import type { ActionView } from "./ActionDetails.tsx";
import { FormDisclosure } from "./FormDisclosure.tsx";

/** An action as the forms need it: what it shows and the version it was loaded with. */
export type EditableAction = ActionView & { version: number; links: string };

const form = (failure: ActionPlanFailure | undefined, key: string) =>
  failureFor(failure && { form: failure.form, values: failure.values, problems: failure.problems }, key);

/** A date field (a Swedish calendar day), labelled and with its problem. */
function DateField(props: { id: string; name: string; label: string; value: string; hint?: string; error?: string }) {
  const { id, name, label, value, hint, error } = props;
  return (
    <LabelledField id={id} label={label} hint={hint} error={error}>
      {(describedBy, invalid) => (
        <Input type="date" id={id} name={name} defaultValue={value} aria-describedby={describedBy} aria-invalid={invalid} />
      )}
    </LabelledField>
  );
}

function StatusField({ id, value, error }: { id: string; value: string; error?: string }) {
  const { t } = useT();
  return (
    <LabelledField id={id} label={t("actionPlan.field.status")} error={error}>
      {(describedBy, invalid) => (
        <Select id={id} name="status" defaultValue={value} aria-describedby={describedBy} aria-invalid={invalid}>
          {ACTION_STATUSES.map((status) => (
            <Select.Option key={status} value={status}>
              {t(`actionPlan.status.${status}`)}
            </Select.Option>
          ))}
        </Select>
      )}
    </LabelledField>
  );
}

/** The action's fields, filled with what was typed (after a refusal) or what is stored. */
function ActionFieldset({ formKey, failure, action }: { formKey: string; failure?: ActionPlanFailure; action?: EditableAction }) {
  const { t } = useT();
  const { value, error } = form(failure, formKey);
  const id = (field: string) => `${formKey}-${field}`;
  return (
    <>
      <TextField
        id={id("title")}
        name="title"
        required
        label={t("actionPlan.field.title")}
        defaultValue={value("title", action?.title)}
        error={error("title")}
      />
      <TextField
        id={id("description")}
        name="description"
        rows={3}
        label={t("actionPlan.field.description")}
        defaultValue={value("description", action?.description)}
        error={error("description")}
      />
      <TextField
        id={id("owner")}
        name="owner"
        label={t("actionPlan.field.owner")}
        hint={t("actionPlan.field.ownerHint")}
        defaultValue={value("owner", action?.owner)}
        error={error("owner")}
      />
      <div className="action-dates">
        <DateField
          id={id("startDate")}
          name="startDate"
          label={t("actionPlan.field.startDate")}
          value={value("startDate", action?.startDate)}
          error={error("startDate")}
        />
        <DateField
          id={id("dueDate")}
          name="dueDate"
          label={t("actionPlan.field.dueDate")}
          value={value("dueDate", action?.dueDate)}
          error={error("dueDate")}
        />
      </div>
      <StatusField id={id("status")} value={value("status", action?.status ?? "planned")} error={error("status")} />
      <TextField
        id={id("links")}
        name="links"
        rows={2}
        label={t("actionPlan.field.links")}
        hint={t("actionPlan.field.linksHint")}
        defaultValue={value("links", action?.links)}
        error={error("links")}
      />
    </>
  );
}

/** "Lägg till åtgärd": for an improvement opportunity (its area and line) or the municipality's own. */
export function AddActionForm({
  improvement,
  label,
  failure,
  openForm,
}: {
  improvement?: { areaNumber: number; index: number; text: string };
  label: string;
  failure?: ActionPlanFailure;
  /** The form the page's address opens (see openFormOf). */
  openForm?: string;
}) {
  const { t } = useT();
  const key = improvement ? `add-${improvement.areaNumber}-${improvement.index}` : "add-own";
  const source: Record<string, number> = improvement ? { areaNumber: improvement.areaNumber, improvementIndex: improvement.index } : {};
  const summary = (
    <>
      {label}
      {improvement && <span className="ds-sr-only">: {improvement.text}</span>}
    </>
  );
  return (
    <FormDisclosure formKey={key} open={failure?.form === key || openForm === key} summary={summary} className="action-add">
      <Form method="post" className="stack form-narrow">
        <Hidden values={{ intent: "add", ...source }} />
        <ActionFieldset formKey={key} failure={failure} />
        <Button type="submit" variant="secondary">
          {t("actionPlan.add.submit")}
        </Button>
      </Form>
    </FormDisclosure>
  );
}

/**
 * The forms on an action of someone who may change it: status in one step, all its fields,
 * a dated note, removal. A save refused because someone else saved first shows both versions.
 */
export function ActionEditing({ action, failure, openForm }: { action: EditableAction; failure?: ActionPlanFailure; openForm?: string }) {
  const { t } = useT();
  const anchor = actionAnchor(action.id);
  const editKey = `update-${action.id}`;
  const noteKey = `note-${action.id}`;
  const note = form(failure, noteKey);
  const conflict = failure?.form === editKey && failure.conflict ? failure.conflict : undefined;
  const fieldLabels = Object.fromEntries(ACTION_FIELDS.map((f) => [f, t(`actionPlan.field.${f}`)]));
  const stored: Record<string, string> = {
    title: action.title,
    description: action.description,
    owner: action.owner,
    startDate: action.startDate ?? "",
    dueDate: action.dueDate ?? "",
    links: action.links,
  };
  if (conflict) {
    const theirs = conflict.current as ActionFields;
    const pick = (values: Record<string, string>) => Object.fromEntries(ACTION_FIELDS.map((f) => [f, values[f] ?? ""]));
    return (
      <ConflictChoice
        label={t("actionPlan.conflict", { title: action.title })}
        mine={pick(failure!.values)}
        theirs={pick({ ...theirs })}
        currentVersion={conflict.currentVersion}
        fieldLabels={fieldLabels}
        intent="update"
        hiddenFields={{ actionId: action.id }}
        anchor={anchor}
        headingLevel={4}
      />
    );
  }
  return (
    <div className="action-editing stack">
      <Form method="post" className="action-status-form">
        <Hidden values={{ intent: "update", actionId: action.id, version: action.version, ...stored }} />
        <StatusField id={`status-${action.id}`} value={action.status} />
        <Button type="submit" variant="secondary" data-size="sm">
          {t("actionPlan.edit.status")}
          <span className="ds-sr-only">: {action.title}</span>
        </Button>
      </Form>
      <FormDisclosure
        formKey={editKey}
        open={openForm === editKey || failure?.form === editKey}
        summary={
          <>
            {t("actionPlan.edit.summary")}
            <span className="ds-sr-only">: {action.title}</span>
          </>
        }
      >
        <Form method="post" className="stack form-narrow">
          <Hidden values={{ intent: "update", actionId: action.id, version: action.version }} />
          <ActionFieldset formKey={editKey} failure={failure} action={action} />
          <Button type="submit" variant="secondary">
            {t("actionPlan.edit.submit")}
          </Button>
        </Form>
        <Form method="post">
          <Hidden values={{ intent: "delete", actionId: action.id, version: action.version }} />
          <Button type="submit" variant="tertiary" data-color="danger" data-size="sm">
            {t("actionPlan.remove")}
            <span className="ds-sr-only">: {action.title}</span>
          </Button>
        </Form>
      </FormDisclosure>
      <FormDisclosure
        formKey={noteKey}
        open={openForm === noteKey || !!note.failed}
        summary={
          <>
            {t("actionPlan.note.summary")}
            <span className="ds-sr-only">: {action.title}</span>
          </>
        }
      >
        <Form method="post" className="stack form-narrow">
          <Hidden values={{ intent: "note", actionId: action.id }} />
          <TextField
            id={`${noteKey}-body`}
            name="body"
            rows={3}
            required
            label={t("actionPlan.field.note")}
            defaultValue={note.value("body")}
            error={note.error("body")}
          />
          <DateField
            id={`${noteKey}-notedOn`}
            name="notedOn"
            label={t("actionPlan.field.notedOn")}
            hint={t("actionPlan.field.notedOnHint")}
            value={note.value("notedOn")}
            error={note.error("notedOn")}
          />
          <Button type="submit" variant="secondary">
            {t("actionPlan.note.submit")}
          </Button>
        </Form>
      </FormDisclosure>
    </div>
  );
}
