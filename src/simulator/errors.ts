/**
 * Errors shaped like OfficeExtension.Error, so code written against Excel handles the simulator's
 * failures the same way (it switches on `code`, shows `message`).
 */
export type SimErrorCode =
  | "PropertyNotLoaded"
  | "ItemNotFound"
  | "ItemAlreadyExists"
  | "InvalidArgument"
  | "InvalidReference"
  | "InvalidOperation"
  | "InvalidObjectPath"
  | "AccessDenied"
  | "RequestPayloadSizeLimitExceeded"
  | "ResponsePayloadSizeLimitExceeded"
  | "GeneralException";

export class SimError extends Error {
  readonly code: SimErrorCode;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };

  constructor(code: SimErrorCode, message: string, errorLocation?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }
}

/** The message Office gives, word for word: add-in code and tests match on it. */
export function propertyNotLoaded(property: string, owner: string): SimError {
  return new SimError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${owner}.${property}`
  );
}
