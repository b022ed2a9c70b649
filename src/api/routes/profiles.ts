import { describeProfile, listProfiles } from '../../profiles/index.js';
import { defineRoute } from '../route.js';

export const profileRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/profiles',
    summary:
      'The mining profiles: description, whether each needs a browser, its CDP domains, attributes and quality rule',
    tag: 'profiles',
    async handler() {
      return { profiles: listProfiles().map(describeProfile) };
    },
  }),
];
