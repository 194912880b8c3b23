/**
 * The identity an AWS Signature Version 4 signature proves, as a function URL with `AuthType:
 * 'AWS_IAM'` reports it to the function (`requestContext.authorizer.iam`). lambda-mock checks no
 * signature: this stands for a request signed by that principal.
 *
 * @example
 * ```ts
 * const caller: FunctionUrlCaller = { accessKey: 'AKIAIOSFODNN7EXAMPLE', accountId: '123456789012', userArn: 'arn:aws:iam::123456789012:user/ci' };
 * await lambda.invokeUrl(url, { iam: caller });
 * ```
 */
export interface FunctionUrlCaller {
  readonly accessKey: string;
  /** The caller's account; the function's owner when left out. Another account needs the function's resource-based policy. */
  readonly accountId?: string;
  readonly callerId?: string;
  readonly userArn?: string;
  readonly userId?: string;
  readonly principalOrgId?: string;
}

/**
 * One HTTP request to a function URL. The path and query string are the URL's own.
 *
 * @example
 * ```ts
 * const request: FunctionUrlRequest = { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"id":1}' };
 * ```
 */
export interface FunctionUrlRequest {
  /** `GET` unless given. */
  readonly method?: string;
  /** Header names are case-insensitive; a list is a header sent several times. */
  readonly headers?: Readonly<Record<string, string | readonly string[]>>;
  /** Text, or bytes (sent to the function base64-encoded unless they are UTF-8 text of a textual content type). */
  readonly body?: string | Uint8Array;
  /** The signer's identity: an `AWS_IAM` URL refuses a request without one, as AWS refuses an unsigned request. */
  readonly iam?: FunctionUrlCaller;
  /** The client's address (`requestContext.http.sourceIp`). Default `127.0.0.1`. */
  readonly sourceIp?: string;
}

/**
 * What the client of a function URL receives.
 *
 * @example
 * ```ts
 * const response: FunctionUrlResponse = await lambda.invokeUrl(url);
 * expect(response.statusCode).toBe(200);
 * expect(JSON.parse(response.body)).toEqual({ ok: true });
 * ```
 */
export interface FunctionUrlResponse {
  readonly statusCode: number;
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  /** The `set-cookie` headers, one per cookie the function returned. */
  readonly cookies: readonly string[];
  /** The body as UTF-8 text. */
  readonly body: string;
  /** The body's bytes (a function's base64-encoded body decoded). */
  readonly rawBody: Uint8Array;
}
