import { z } from 'zod';
import { defineRoute } from '../route.js';

const extractBody = z
  .object({
    /** The page's HTML; or leave it out and give `url` to have it fetched. */
    html: z.string().optional(),
    /** Where the page is from (relative URLs resolve against it), or what to fetch when `html` is absent. */
    url: z.string().url().optional(),
    /** Answer with these syntaxes' structured data in extruct's shapes instead of the page's facts. */
    syntaxes: z.array(z.string()).optional(),
    strict: z.boolean().optional(),
    nested: z.boolean().optional(),
    addTextContent: z.boolean().optional(),
    uniform: z.boolean().optional(),
    withOgArray: z.boolean().optional(),
  })
  .strict()
  .refine((b) => b.html !== undefined || b.url !== undefined, {
    message: 'give html, or a url to fetch',
    path: ['html'],
  });

export const extractRoutes = [
  defineRoute({
    method: 'POST',
    path: '/api/extract',
    summary: "Extract one page: its facts, or with `syntaxes` its structured data in extruct's shapes",
    tag: 'extraction',
    body: extractBody,
    async handler({ gleaner, body }) {
      return gleaner.mining.extract(body, { allowPrivateAddresses: gleaner.config.allowPrivateAddresses });
    },
  }),
];
