import { Button, Dialog, Heading, Paragraph } from "@digdir/designsystemet-react";
import { useEffect, useId, useState, type FormEvent } from "react";
import { Form, Link } from "react-router";
import { CsrfField } from "../forms.tsx";
import { useT } from "../i18n.ts";

/** The query parameter that asks to confirm turning off an account (the step without JavaScript). */
export const CONFIRM_DISABLE = "stang-av";

export interface DisableCandidate {
  id: string;
  name: string;
  email: string;
}

/**
 * The question before an account is turned off, and the POST that does it (CSRF token, intent;
 * the service logs it). `cancel` is a link back without JavaScript, a button closing the dialog with.
 */
function DisableQuestion({ user, headingId, cancel }: { user: DisableCandidate; headingId: string; cancel: React.ReactNode }) {
  const { t } = useT();
  return (
    <div className="stack">
      <Heading level={2} data-size="sm" id={headingId}>
        {t("workbench.disable.question", { name: user.name })}
      </Heading>
      <Paragraph>{t("workbench.disable.consequence", { email: user.email })}</Paragraph>
      <div className="confirm-actions">
        <Form method="post">
          <CsrfField />
          <input type="hidden" name="intent" value="disable" />
          <input type="hidden" name="userId" value={user.id} />
          <Button type="submit" data-color="danger">
            {t("workbench.disable.confirm", { name: user.name })}
          </Button>
        </Form>
        {cancel}
      </div>
    </div>
  );
}

/** The confirmation as a step of the page, for a browser without JavaScript (GET ?stang-av=id). */
export function DisableStep({ user, back }: { user: DisableCandidate; back: string }) {
  const { t } = useT();
  return (
    <section aria-labelledby="stang-av-rubrik" id="stang-av" className="confirm-step">
      <DisableQuestion
        user={user}
        headingId="stang-av-rubrik"
        cancel={
          <Link to={back} className="ds-link">
            {t("workbench.disable.cancel")}
          </Link>
        }
      />
    </section>
  );
}

/**
 * "Stäng av" for one account: a GET form that opens the confirmation step, or, with JavaScript,
 * Designsystemet's Dialog asking the same. Nothing changes until the question is answered.
 */
export function DisableButton({ user, path }: { user: DisableCandidate; path: string }) {
  const { t } = useT();
  const headingId = useId();
  const [hydrated, setHydrated] = useState(false);
  const [open, setOpen] = useState(false);
  // The dialog is made the first time it is asked for: a long list of users needs none before.
  const [asked, setAsked] = useState(false);
  useEffect(() => setHydrated(true), []);
  const ask = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAsked(true);
    setOpen(true);
  };
  return (
    <>
      <form method="get" action={`${path}#stang-av`} onSubmit={hydrated ? ask : undefined} style={{ display: "inline-block" }}>
        <input type="hidden" name={CONFIRM_DISABLE} value={user.id} />
        <Button type="submit" variant="secondary" data-size="sm" data-color="danger">
          {t("admin.users.disable")}
          <span className="ds-sr-only">: {user.name}</span>
        </Button>
      </form>
      {asked && (
        <Dialog open={open} onClose={() => setOpen(false)} closeButton={t("workbench.disable.close")} aria-labelledby={headingId}>
          <DisableQuestion
            user={user}
            headingId={headingId}
            cancel={
              <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
                {t("workbench.disable.cancel")}
              </Button>
            }
          />
        </Dialog>
      )}
    </>
  );
}
