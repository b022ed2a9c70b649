import type { CDPSession } from 'puppeteer-core';

/**
 * Evaluate `expression` in the page over CDP (awaited when it is a promise) and resolve with its JSON
 * value: in the main world of the main frame, or in the execution context `contextId` (an isolated world).
 * An exception in the page rejects with its description.
 */
export async function evaluateExpression(
  cdp: CDPSession,
  expression: string,
  contextId?: number,
): Promise<unknown> {
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    expression,
    ...(contextId === undefined ? {} : { contextId }),
    awaitPromise: true,
    returnByValue: true,
  });
  if (exceptionDetails)
    throw new Error(
      `in the page: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`.slice(0, 500),
    );
  return result.value;
}
