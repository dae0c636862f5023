import { describe, expect, it } from "vitest";
import { questionnaireForms } from "../../app/questionnaire-forms.server.ts";
import { parseForm } from "../../app/submission.ts";
import { ValidationError } from "../../src/services/errors.ts";

// Found by the form fuzz (tests/security/fuzz-forms.test.ts) on the questionnaire page, whose
// answer form takes extra fields (its document checkboxes): a refused field named like a member
// of Object.prototype made @conform-to/zod throw a TypeError, and the visitor got a 500. Such a
// form is now refused as one that does not fit, naming the field.
const answer = (extra: [string, string | Blob][]) => {
  const form = new FormData();
  for (const [name, value] of [
    ["intent", "answer"],
    ["itemId", "1"],
    ["answer", "Svar"],
    ["ownScore", ""],
    ["links", ""],
    ["version", "0"],
    ...extra,
  ] as const)
    form.append(name, value);
  return form;
};

const refusal = (form: FormData) => {
  try {
    parseForm(form, questionnaireForms);
  } catch (error) {
    return error;
  }
  return null;
};

describe("a form's field names", () => {
  it.each(["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf"])(
    "refuses a field named %s with a problem, not a 500",
    (name) => {
      for (const value of ["x", new Blob(["x"])]) {
        const error = refusal(answer([[name, value]]));
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).problems).toEqual([{ field: name, message: "unknown_intent" }]);
      }
    },
  );

  it("still reads the answer form's own extra fields (its document checkboxes)", () => {
    const input = parseForm(answer([["document-12", "on"]]), questionnaireForms);
    expect(input).toMatchObject({ intent: "answer", itemId: "1", answer: "Svar", "document-12": "on" });
  });
});
