import { globMatches } from './glob.js';

/**
 * A test-only model of how Argo CD (3.x) decides whether an AppProject lets an Application
 * deploy to a destination (`AppProject.IsDestinationPermitted`): each entry's `name` or
 * `server` and its `namespace` are globs (`*` matches any run of characters), a pattern that
 * starts with `!` matches what the rest does not, an entry matches when its cluster (by name
 * or server) and its namespace do, and an entry whose deny pattern (`!…`) fails refuses the
 * destination whatever else allows it.
 */

export interface Destination {
  readonly name?: string;
  readonly server?: string;
  readonly namespace: string;
}

const denies = (pattern: string | undefined) => pattern?.startsWith('!') ?? false;

function globMatch(pattern: string | undefined, value: string): boolean {
  if (pattern === undefined || pattern === '') return false;
  return denies(pattern)
    ? !globMatches(pattern.slice(1), value, 'anything')
    : globMatches(pattern, value, 'anything');
}

/** Whether a project with these destinations lets an Application deploy to `destination`. */
export function permitsDestination(
  destinations: readonly Destination[],
  destination: Destination,
): boolean {
  let matched = false;
  for (const item of destinations) {
    const name = destination.name !== undefined && globMatch(item.name, destination.name);
    const server = destination.server !== undefined && globMatch(item.server, destination.server);
    const namespace = globMatch(item.namespace, destination.namespace);
    if ((name || server) && namespace) {
      matched = true;
    } else if (
      (!name && denies(item.name)) ||
      (!server && denies(item.server)) ||
      (!namespace && denies(item.namespace))
    ) {
      return false;
    }
  }
  return matched;
}
