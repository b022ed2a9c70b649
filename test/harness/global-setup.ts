// Filled in with the PostgreSQL harness; kept minimal until then.
export default async function setup(): Promise<() => Promise<void>> {
  return async () => {};
}
