/** A failed send; `permanent` when retrying cannot succeed (a 4xx from a webhook, a 5xx SMTP reply). */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}
