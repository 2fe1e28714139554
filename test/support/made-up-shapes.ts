// api.yaml's `shapes`, made up: every shape the checker requires, small, with a note and an example record.
/** A complete made-up `shapes` section of an api.yaml (line 1 is `shapes:`); tests count lines into it. */
export const MADE_UP_SHAPES = `shapes:
  - typeName: IngestionSuccessResponse
    title: Made-up success
    description: A made-up success body.
    open: true
    fields:
      - { name: ok, docType: boolean, type: boolean, required: true, example: "true" }
  - typeName: ErrorResponse
    title: Made-up error
    description: A made-up error body.
    fields:
      - { name: reason, docType: string, type: string, required: true, example: boom }
  - typeName: AuthenticationRequest
    title: Made-up credentials
    description: A made-up authentication body.
    fields:
      - { name: login, docType: string, type: string, required: true, example: someone }
      - { name: pin, docType: integer, type: integer, example: "1234" }
  - typeName: AuthenticationResponse
    title: Made-up token
    description: A made-up authentication answer.
    fields:
      - { name: jwt, docType: string, type: string, required: true, example: t0k3n }
  - typeName: IngestionCallback
    title: Made-up callback
    description: A made-up callback.
    map: { name: outcomes, description: One result per made-up reference., values: IngestionCallbackResult }
  - typeName: IngestionCallbackResult
    title: Made-up result
    description: A made-up result.
    notes: ["A made-up contradiction."]
    open: true
    fields:
      - { name: code, docType: integer, type: integer, required: true, example: "7" }
      - { name: why, docType: string, type: string }
    examples:
      - { name: failure, summary: A made-up failure, value: { code: 9, why: made-up failure } }
`;
